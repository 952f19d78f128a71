using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Library;

namespace Platform.Application.Posts;

/// <summary>
/// For NetworkEditors (<c>/redaktion/bibliothek/zahlen</c>): every library item adopted anywhere in the network, with
/// the reads summed over the jobcenters that adopted it, their number, and the current jobcenter's own reads. No other
/// jobcenter's own figure is given out.
/// </summary>
public sealed record GetLibraryFiguresQuery(int Days = GetEditorialFiguresQuery.DefaultDays) : IQuery<LibraryFiguresPage>;

public sealed record LibraryFiguresPage(int Days, DateOnly From, DateOnly To, int Threshold, IReadOnlyList<LibraryFigures> Items);

public sealed class GetLibraryFiguresValidator : AbstractValidator<GetLibraryFiguresQuery>
{
    public GetLibraryFiguresValidator()
    {
        RuleFor(q => q.Days).MustBeAFigurePeriod();
    }
}

public sealed class GetLibraryFiguresHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, INetworkLibraryReads network)
    : IQueryHandler<GetLibraryFiguresQuery, LibraryFiguresPage>
{
    public async ValueTask<LibraryFiguresPage> Handle(GetLibraryFiguresQuery query, CancellationToken cancellationToken)
    {
        user.RequireNetworkEditor();
        var (from, to) = FigurePeriod.Of(query.Days, clock);
        var items = await LibraryFiguresReader.ReadAsync(db, network, from, to, everyItem: true, cancellationToken);
        return new LibraryFiguresPage(query.Days, from, to, EditorialFigures.ThresholdCount, items);
    }
}

/// <summary>What the editorial figures and the library figures share: the library rows, this jobcenter's beside the network's.</summary>
internal static class LibraryFiguresReader
{
    /// <summary>
    /// <paramref name="everyItem"/>: every item adopted anywhere (NetworkEditors); otherwise the items the current
    /// jobcenter adopted. Most read in the network first.
    /// </summary>
    public static async Task<IReadOnlyList<LibraryFigures>> ReadAsync(
        IAppDbContext db, INetworkLibraryReads network, DateOnly from, DateOnly to, bool everyItem, CancellationToken cancellationToken)
    {
        var own = await GetLibraryReadsHandler.ForCurrentTenantAsync(db, new GetLibraryReadsQuery(from, to), cancellationToken);
        if (own.Count == 0 && !everyItem)
        {
            return [];
        }

        var sums = await network.ReadsAsync(from, to, cancellationToken);
        var ownReads = own.ToDictionary(r => r.ItemId, r => r.Reads);
        var shown = everyItem ? sums.Keys.ToList() : [.. ownReads.Keys];
        var items = await db.LibraryItems.AsNoTracking().Include(i => i.Versions)
            .Where(i => shown.Contains(i.Id))
            .ToListAsync(cancellationToken);
        return [.. items
            .Select(i => (Item: i, Own: ownReads.TryGetValue(i.Id, out var reads) ? reads : (int?)null, Sum: sums.GetValueOrDefault(i.Id, new NetworkReads(0, 0))))
            .Select(r => new LibraryFigures(
                r.Item.Id,
                (r.Item.Versions.FirstOrDefault(v => v.Number == r.Item.PublishedVersion) ?? r.Item.Latest).Content.Title,
                r.Own is { } o ? Figure.Of(o) : null,
                NetworkTotal(r.Own ?? 0, r.Sum.Reads),
                r.Sum.Jobcenters))
            .OrderByDescending(f => f.Network.Count ?? -1)
            .ThenBy(f => f.Title, StringComparer.CurrentCulture)];
    }

    /// <summary>
    /// The network's sum beside this jobcenter's own reads: the others' part (sum minus own) must not come out as a
    /// figure between 1 and 4 either, so then the sum is shown as at least this jobcenter's exact part.
    /// </summary>
    private static Figure NetworkTotal(int own, int total)
    {
        var others = total - own;
        return others is > 0 and < EditorialFigures.ThresholdCount && own >= EditorialFigures.ThresholdCount
            ? Figure.AtLeast(own)
            : Figure.Of(total);
    }
}
