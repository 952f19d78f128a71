using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Library;
using Platform.Domain.Posts;

namespace Platform.Application.Library;

/// <summary>
/// Browses the library by topic, language and text. Editorial staff see the published version of published items;
/// NetworkEditors see every item in its latest version.
/// </summary>
public sealed record SearchLibraryQuery(string? Topic = null, string? Language = null, string? Q = null) : IQuery<IReadOnlyList<LibraryItemSummary>>;

public sealed record LibraryItemSummary(
    Guid Id, LibraryStatus Status, int Version, int? PublishedVersion, string Title, string Summary, IReadOnlyList<string> Topics, string Language, bool HasEasyLanguage, DateTime UpdatedAt, bool HasEasyRead = false);

public sealed class SearchLibraryValidator : AbstractValidator<SearchLibraryQuery>
{
    public SearchLibraryValidator()
    {
        RuleFor(q => q.Topic).Must(t => string.IsNullOrEmpty(t) || TopicNames.TryParse(t, out _))
            .WithMessage($"Unbekanntes Thema. Erlaubt sind: {string.Join(", ", TopicNames.All)}.");
        RuleFor(q => q.Language).Matches("^[a-z]{2}$").When(q => !string.IsNullOrEmpty(q.Language))
            .WithMessage("Die Sprache ist ein ISO-639-1-Code aus zwei Kleinbuchstaben, zum Beispiel de.");
        RuleFor(q => q.Q).MaximumLength(200).WithMessage("Der Suchtext hat höchstens 200 Zeichen.");
    }
}

public sealed class SearchLibraryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<SearchLibraryQuery, IReadOnlyList<LibraryItemSummary>>
{
    public async ValueTask<IReadOnlyList<LibraryItemSummary>> Handle(SearchLibraryQuery query, CancellationToken cancellationToken)
    {
        var network = user.IsNetworkEditor();
        var items = await db.LibraryItems.AsNoTracking()
            .Where(i => network || i.PublishedVersion != null)
            .OrderByDescending(i => i.UpdatedAt)
            .Take(500)
            .ToListAsync(cancellationToken);
        var ids = items.Select(i => i.Id).ToList();
        var versions = (await db.LibraryItemVersions.AsNoTracking().Where(v => ids.Contains(v.LibraryItemId)).ToListAsync(cancellationToken))
            .ToDictionary(v => (v.LibraryItemId, v.Number));
        var rows = items.Select(i => new { Item = i, Version = versions[(i.Id, network ? i.LatestVersion : i.PublishedVersion!.Value)] });

        Topics? topic = !string.IsNullOrEmpty(query.Topic) && TopicNames.TryParse(query.Topic, out var t) ? t : null;
        var text = query.Q?.Trim();
        return [.. rows
            .Where(r => topic is null || (r.Version.Content.Topics & topic.Value) != 0)
            .Where(r => string.IsNullOrEmpty(query.Language) || r.Version.Content.Language == query.Language)
            .Where(r => string.IsNullOrEmpty(text)
                || r.Version.Content.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
                || r.Version.Content.Summary.Contains(text, StringComparison.OrdinalIgnoreCase)
                || r.Version.Content.BodyMarkdown.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Select(r => new LibraryItemSummary(
                r.Item.Id, r.Item.Status, r.Version.Number, r.Item.PublishedVersion, r.Version.Content.Title, r.Version.Content.Summary,
                TopicNames.ToNames(r.Version.Content.Topics), r.Version.Content.Language, r.Version.Content.EasyTitle is not null, r.Item.UpdatedAt,
                r.Version.Content.EasyReadTitle is not null))];
    }
}
