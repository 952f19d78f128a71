using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Platform.Application.Posts;
using Platform.Domain.Posts;
using Platform.Infrastructure.Cluster;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// Drops a tenant's feed counts (<see cref="FeedCounts"/>) once a save that added, changed or removed one of its posts
/// has gone through, on this node and, over the cluster's signal, on the others. Remembered between "saving" and
/// "saved" per context, so a failed save drops nothing.
/// </summary>
public sealed class FeedCountInvalidation(FeedCounts counts, IClusterSignals signals) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Announce(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Announce(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Remember(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        HashSet<Guid>? tenants = null;
        foreach (var entry in context.ChangeTracker.Entries<Post>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                (tenants ??= []).Add(entry.Entity.TenantId);
            }
        }

        if (tenants is not null)
        {
            _pending.AddOrUpdate(context, tenants);
        }
    }

    private void Announce(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var tenants))
        {
            return;
        }

        _pending.Remove(context);
        foreach (var tenantId in tenants)
        {
            counts.Invalidate(tenantId);
            signals.FeedCountsChanged(tenantId);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
