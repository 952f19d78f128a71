using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;

namespace Platform.Application.Posts;

/// <summary>
/// Run as one jobcenter: the reads of its posts adopted from the library, per library item, over the days
/// <see cref="From"/> to <see cref="To"/> (both included); every adopted item is listed, read or not.
/// </summary>
public sealed record GetLibraryReadsQuery(DateOnly From, DateOnly To) : IQuery<IReadOnlyList<LibraryReads>>;

public sealed record LibraryReads(Guid ItemId, int Reads);

public sealed class GetLibraryReadsHandler(IAppDbContext db) : IQueryHandler<GetLibraryReadsQuery, IReadOnlyList<LibraryReads>>
{
    public async ValueTask<IReadOnlyList<LibraryReads>> Handle(GetLibraryReadsQuery query, CancellationToken cancellationToken) =>
        await ForCurrentTenantAsync(db, query, cancellationToken);

    /// <summary>The current tenant's reads of its adopted library items (the tenant filter applies).</summary>
    internal static async Task<IReadOnlyList<LibraryReads>> ForCurrentTenantAsync(IAppDbContext db, GetLibraryReadsQuery query, CancellationToken cancellationToken)
    {
        var adopted = await db.LibraryAdoptions.AsNoTracking().Select(a => a.LibraryItemId).Distinct().ToListAsync(cancellationToken);
        if (adopted.Count == 0)
        {
            return [];
        }

        var reads = await (
                from adoption in db.LibraryAdoptions
                join view in db.PostViewDays on adoption.PostId equals view.PostId
                where view.Day >= query.From && view.Day <= query.To
                group view by adoption.LibraryItemId into item
                select new { ItemId = item.Key, Reads = item.Sum(v => v.Count) })
            .AsNoTracking()
            .ToDictionaryAsync(r => r.ItemId, r => r.Reads, cancellationToken);
        return [.. adopted.Select(id => new LibraryReads(id, reads.GetValueOrDefault(id)))];
    }
}

/// <summary>
/// Port: the reads of library items summed over every jobcenter of the network, and how many jobcenters adopted each,
/// for the figures page. No jobcenter's own part is given out, only the sum.
/// </summary>
public interface INetworkLibraryReads
{
    Task<IReadOnlyDictionary<Guid, NetworkReads>> ReadsAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken);
}

public sealed record NetworkReads(int Reads, int Jobcenters);
