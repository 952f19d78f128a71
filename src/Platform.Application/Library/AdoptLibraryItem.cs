using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Common;
using Platform.Domain.Library;
using Platform.Domain.Posts;

namespace Platform.Application.Library;

/// <summary>
/// An editor of the current jobcenter adopts the published version of a library item: it becomes a draft post of this
/// jobcenter, the placeholders filled from its own data, going through its own workflow; the adoption remembers the version.
/// </summary>
public sealed record AdoptLibraryItemCommand(Guid ItemId) : ICommand<AdoptionState>;

public sealed record AdoptionState(Guid AdoptionId, Guid PostId, int AdoptedVersion, PostStatus PostStatus);

public sealed class AdoptLibraryItemValidator : AbstractValidator<AdoptLibraryItemCommand>
{
    public AdoptLibraryItemValidator()
    {
        RuleFor(c => c.ItemId).NotEmpty();
    }
}

public sealed class AdoptLibraryItemHandler(IAppDbContext db, ICurrentTenant tenant, ICurrentUser user, TimeProvider clock, IImageProcessor images)
    : ICommandHandler<AdoptLibraryItemCommand, AdoptionState>
{
    public async ValueTask<AdoptionState> Handle(AdoptLibraryItemCommand command, CancellationToken cancellationToken)
    {
        var (adoption, post) = await AdoptAsync(db, tenant, user, clock, images, command.ItemId, cancellationToken);
        await db.SaveLibraryAsync(cancellationToken);
        return new AdoptionState(adoption.Id, post.Id, adoption.AdoptedVersion, post.Status);
    }

    /// <summary>Adds the draft post and the adoption (not saved yet); the item must be published and not adopted here yet.</summary>
    public static async Task<(LibraryAdoption Adoption, Post Post)> AdoptAsync(
        IAppDbContext db, ICurrentTenant tenant, ICurrentUser user, TimeProvider clock, IImageProcessor images, Guid itemId, CancellationToken cancellationToken)
    {
        var item = await db.LibraryItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item?.PublishedVersion is not { } number)
        {
            throw new NotFoundException("Bibliothekseintrag", itemId);
        }

        var tenantId = tenant.RequiredId;
        if (await db.LibraryAdoptions.AnyAsync(a => a.LibraryItemId == item.Id, cancellationToken))
        {
            throw new DomainException("library.adopted", "Dieser Bibliothekseintrag ist hier schon übernommen worden. Bearbeite den vorhandenen Beitrag.");
        }

        var version = await db.LoadVersionAsync(item.Id, number, cancellationToken);
        var values = await db.PlaceholderValuesAsync(tenant, cancellationToken);
        var filled = LibraryPlaceholders.Fill(version.Content, values);
        var translations = LibraryPlaceholders.Fill(version.Translations, values);
        var now = clock.GetUtcNow().UtcDateTime;
        var post = Post.Create(tenantId, filled, user.Actor(), now);
        var adoption = LibraryAdoption.Create(tenantId, item.Id, post.Id, number, filled, translations, now);
        db.Posts.Add(post);
        var adopted = translations
            .Where(t => t.Key != post.Content.Language)
            .Select(t => PostTranslation.FromLibrary(post, t.Key, t.Value, user.Actor(), now))
            .ToList();
        db.PostTranslations.AddRange(adopted);
        post.IndexTranslations(adopted.Select(t => t.Live));
        await CopyCoverImageAsync(db, images, version, post, now, cancellationToken);
        db.LibraryAdoptions.Add(adoption);
        await TrackUsageAsync(db, item.Id, tenantId, number, now, cancellationToken);
        db.Record(tenantId, user, clock, "library.adopted", post.Content.Title);
        return (adoption, post);
    }

    /// <summary>The jobcenter's post gets its own copy of the version's cover image (it may replace it locally).</summary>
    public static async Task CopyCoverImageAsync(
        IAppDbContext db, IImageProcessor images, LibraryItemVersion version, Post post, DateTime now, CancellationToken cancellationToken)
    {
        if (version.CoverImageId is not { } imageId)
        {
            return;
        }

        var image = await db.LibraryImages.AsNoTracking().SingleAsync(i => i.Id == imageId, cancellationToken);
        var size = images.Measure(image.Content);
        db.PostImages.Add(PostImage.Create(post.TenantId, post.Id, image.ContentType, image.Content, size.Width, size.Height, now));
    }

    /// <summary>Keeps the shared "who uses which version" row in step with the tenant's adoption.</summary>
    public static async Task TrackUsageAsync(IAppDbContext db, Guid itemId, Guid tenantId, int version, DateTime now, CancellationToken cancellationToken)
    {
        var usage = await db.LibraryUsages.SingleOrDefaultAsync(u => u.LibraryItemId == itemId && u.TenantId == tenantId, cancellationToken);
        if (usage is null)
        {
            db.LibraryUsages.Add(LibraryUsage.Of(itemId, tenantId, version, now));
        }
        else
        {
            usage.Use(version, now);
        }
    }
}
