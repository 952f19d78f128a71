using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>
/// Adds one node's buffered readings of the current tenant to the daily counts, in one transaction: each count is
/// added (<c>Count = Count + n</c>), never set, so that every node of a cluster adds its own. Returns how many
/// rows were written.
/// </summary>
public sealed record FlushPostViewsCommand(IReadOnlyList<PostViewTally> Tallies) : ICommand<int>;

public sealed class FlushPostViewsHandler(IAppDbContext db, ICurrentTenant tenant) : ICommandHandler<FlushPostViewsCommand, int>
{
    /// <summary>A batch whose first rows of a day another node inserted at the same moment is tried again, this often.</summary>
    private const int Attempts = 3;

    public async ValueTask<int> Handle(FlushPostViewsCommand command, CancellationToken cancellationToken)
    {
        var tallies = command.Tallies.Where(t => t.Count > 0).ToList();
        if (tallies.Count == 0)
        {
            return 0;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteAsync(tallies, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another node inserted one of today's rows first; the rollback undid this batch's additions, so trying
                // the whole batch again adds every count once (the row is there now and is updated).
            }
        }
    }

    private async Task<int> WriteAsync(List<PostViewTally> tallies, CancellationToken cancellationToken)
    {
        var context = (DbContext)db;
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var firsts = new List<PostViewDay>();
        var written = 0;
        foreach (var tally in tallies)
        {
            var (postId, day, count) = tally;
            var updated = await db.PostViewDays
                .Where(v => v.PostId == postId && v.Day == day)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Count, v => v.Count + count), cancellationToken);
            written += updated;
            if (updated == 0)
            {
                firsts.Add(PostViewDay.First(tenant.RequiredId, postId, day, count));
            }
        }

        if (firsts.Count > 0)
        {
            // Readings of a post deleted since then have no row to go to: they are gone with the post.
            var firstPosts = firsts.Select(f => f.PostId).Distinct().ToList();
            var existing = await db.Posts.Where(p => firstPosts.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
            firsts.RemoveAll(f => !existing.Contains(f.PostId));
            db.PostViewDays.AddRange(firsts);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            finally
            {
                foreach (var first in firsts)
                {
                    context.Entry(first).State = EntityState.Detached;
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return written + firsts.Count;
    }
}
