using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Library;
using Platform.Domain.Posts;

namespace Platform.Application.Library;

/// <summary>
/// One library item. Editorial staff see its published version (an unpublished item is 404 to them); NetworkEditors
/// see the latest version, the version list, and which jobcenters use the item in which version.
/// </summary>
public sealed record GetLibraryItemQuery(Guid ItemId) : IQuery<LibraryItemDetails>;

public sealed record LibraryItemDetails(
    Guid Id,
    LibraryStatus Status,
    int LatestVersion,
    int? PublishedVersion,
    LibraryVersionView Version,
    IReadOnlyList<LibraryVersionInfo>? Versions,
    IReadOnlyList<LibraryUsageView>? UsedBy);

public sealed record LibraryVersionView(
    int Number, string Title, string Summary, string BodyMarkdown, IReadOnlyList<string> Topics, string Language,
    string? EasyTitle, string? EasySummary, string? EasyBodyMarkdown, string AuthorName, DateTime CreatedAt,
    string? CallToActionLabel = null, string? CallToActionUrl = null, bool HasCoverImage = false, string? CoverImageAlt = null,
    DateTime? ExpiresAt = null, DateTime? EventStartsAt = null, DateTime? EventEndsAt = null, string? EventPlace = null,
    string? EventOnlineUrl = null, int? EventCapacity = null, string? EasyReadTitle = null, string? EasyReadSummary = null,
    string? EasyReadBodyMarkdown = null, IReadOnlyList<LibraryTranslationView>? Translations = null);

/// <summary>A translation the version carries (issue 14), placeholders as written.</summary>
public sealed record LibraryTranslationView(
    string Language, string Title, string Summary, string BodyMarkdown, string? EasyTitle, string? EasySummary, string? EasyBodyMarkdown);

public sealed record LibraryVersionInfo(int Number, string AuthorName, DateTime CreatedAt);

public sealed record LibraryUsageView(Guid TenantId, string Tenant, int Version);

public sealed class GetLibraryItemValidator : AbstractValidator<GetLibraryItemQuery>
{
    public GetLibraryItemValidator()
    {
        RuleFor(q => q.ItemId).NotEmpty();
    }
}

public sealed class GetLibraryItemHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetLibraryItemQuery, LibraryItemDetails>
{
    public async ValueTask<LibraryItemDetails> Handle(GetLibraryItemQuery query, CancellationToken cancellationToken)
    {
        var network = user.IsNetworkEditor();
        var item = await db.LibraryItems.AsNoTracking().Include(i => i.Versions).SingleOrDefaultAsync(i => i.Id == query.ItemId, cancellationToken);
        if (item is null || (!network && item.PublishedVersion is null))
        {
            throw new NotFoundException("Bibliothekseintrag", query.ItemId);
        }

        var shown = item.Versions.Single(v => v.Number == (network ? item.LatestVersion : item.PublishedVersion!.Value));
        IReadOnlyList<LibraryUsageView>? usedBy = null;
        if (network)
        {
            usedBy = await db.LibraryUsages.AsNoTracking()
                .Where(u => u.LibraryItemId == item.Id)
                .Join(db.Tenants.AsNoTracking(), u => u.TenantId, t => t.Id, (u, t) => new LibraryUsageView(t.Id, t.DisplayName, u.Version))
                .ToListAsync(cancellationToken);
        }

        return new LibraryItemDetails(
            item.Id,
            item.Status,
            network ? item.LatestVersion : item.PublishedVersion!.Value,
            item.PublishedVersion,
            View(shown),
            network ? [.. item.Versions.OrderByDescending(v => v.Number).Select(v => new LibraryVersionInfo(v.Number, v.AuthorName, v.CreatedAt))] : null,
            usedBy);
    }

    public static LibraryVersionView View(LibraryItemVersion v)
    {
        var c = v.Content;
        return new(
            v.Number, c.Title, c.Summary, c.BodyMarkdown, TopicNames.ToNames(c.Topics), c.Language, c.EasyTitle, c.EasySummary, c.EasyBodyMarkdown,
            v.AuthorName, v.CreatedAt, c.CallToActionLabel, c.CallToActionUrl, c.HasCoverImage, c.CoverImageAlt, c.ExpiresAt,
            c.EventStartsAt, c.EventEndsAt, c.EventPlace, c.EventOnlineUrl, c.EventCapacity, c.EasyReadTitle, c.EasyReadSummary,
            c.EasyReadBodyMarkdown,
            [.. v.Translations.Select(t => new LibraryTranslationView(
                t.Key, t.Value.Title, t.Value.Summary, t.Value.BodyMarkdown, t.Value.EasyTitle, t.Value.EasySummary, t.Value.EasyBodyMarkdown))]);
    }
}
