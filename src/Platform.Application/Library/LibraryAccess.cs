using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Library;

namespace Platform.Application.Library;

public static class LibraryAccess
{
    /// <summary>
    /// The cover image a new version shows: a new upload (added as a shared image), none when removed, otherwise the one
    /// of <paramref name="previous"/>. With an image the alternative text is required (400 naming the field); an image
    /// the platform cannot read or that is too large is refused as for posts, so that no jobcenter adopts one.
    /// </summary>
    public static Guid? CoverImageFor(this IAppDbContext db, IImageProcessor images, PostInput input, bool removeCoverImage, LibraryItemVersion? previous, DateTime now)
    {
        Guid? id = previous?.CoverImageId;
        if (input.CoverImage is { } upload)
        {
            var stored = images.Reencode(upload, "coverImage");
            var image = LibraryImage.Create(stored.ContentType, stored.Content, now);
            db.LibraryImages.Add(image);
            id = image.Id;
        }
        else if (removeCoverImage)
        {
            id = null;
        }

        if (id is not null && string.IsNullOrWhiteSpace(input.CoverImageAlt))
        {
            throw new ValidationException([new ValidationFailure(
                nameof(input.CoverImageAlt), "Ein Titelbild braucht einen Alternativtext, der beschreibt, was darauf zu sehen ist.")]);
        }

        return id;
    }

    public static bool IsNetworkEditor(this ICurrentUser user) => user.IsInRole(Roles.NetworkEditor);

    public static void RequireNetworkEditor(this ICurrentUser user)
    {
        if (!user.IsNetworkEditor())
        {
            throw new ForbiddenException("Die Bibliothek schreibt nur die Netzwerkredaktion.");
        }
    }

    public static async Task<LibraryItem> LoadLibraryItemAsync(this IAppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.LibraryItems.Include(i => i.Versions).SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new NotFoundException("Bibliothekseintrag", id);

    /// <summary>The current jobcenter's values for the placeholders.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> PlaceholderValuesAsync(
        this IAppDbContext db, ICurrentTenant tenant, CancellationToken cancellationToken) =>
        LibraryPlaceholders.ValuesOf(await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenant.RequiredId, cancellationToken));

    public static async Task<LibraryItemVersion> LoadVersionAsync(this IAppDbContext db, Guid itemId, int number, CancellationToken cancellationToken) =>
        await db.LibraryItemVersions.AsNoTracking().SingleOrDefaultAsync(v => v.LibraryItemId == itemId && v.Number == number, cancellationToken)
            ?? throw new NotFoundException("Version", number);

    public static async Task SaveLibraryAsync(this IAppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Der Eintrag wurde gerade von jemand anderem geändert. Lade ihn neu und versuche es noch einmal.");
        }
    }

    public static LibraryItemState State(this LibraryItem item) => new(item.Id, item.Status, item.LatestVersion, item.PublishedVersion);
}
