using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Library;

/// <summary>The current jobcenter's adoptions, each saying whether the library has a newer published version.</summary>
public sealed record ListLibraryAdoptionsQuery : IQuery<IReadOnlyList<AdoptionView>>;

public sealed record AdoptionView(
    Guid Id, Guid LibraryItemId, Guid PostId, string PostTitle, PostStatus PostStatus, int AdoptedVersion, int SeenVersion,
    int? LibraryVersion, bool UpdateAvailable, DateTime UpdatedAt);

public sealed class ListLibraryAdoptionsHandler(IAppDbContext db) : IQueryHandler<ListLibraryAdoptionsQuery, IReadOnlyList<AdoptionView>>
{
    public async ValueTask<IReadOnlyList<AdoptionView>> Handle(ListLibraryAdoptionsQuery query, CancellationToken cancellationToken)
    {
        var rows = await db.LibraryAdoptions.AsNoTracking()
            .Join(db.Posts.AsNoTracking(), a => a.PostId, p => p.Id, (a, p) => new { Adoption = a, p.Content.Title, p.Status })
            .Join(db.LibraryItems.AsNoTracking(), r => r.Adoption.LibraryItemId, i => i.Id, (r, i) => new { r.Adoption, r.Title, r.Status, i.PublishedVersion })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderByDescending(r => r.Adoption.UpdatedAt)
            .Select(r => new AdoptionView(
                r.Adoption.Id, r.Adoption.LibraryItemId, r.Adoption.PostId, r.Title, r.Status, r.Adoption.AdoptedVersion, r.Adoption.SeenVersion,
                r.PublishedVersion, r.Adoption.UpdateAvailable(r.PublishedVersion), r.Adoption.UpdatedAt))];
    }
}
