using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// The one owner of a scope's pooled context: leased on first use, bound to the scope's tenant, and returned to the
/// pool exactly once when the scope ends, however many service types the context was resolved as.
/// </summary>
public sealed class ScopedPlatformDbContextLease<TContext>(IDbContextFactory<TContext> factory, ICurrentTenant currentTenant)
    : IDisposable, IAsyncDisposable
    where TContext : PlatformDbContext
{
    private PlatformDbContext? _context;

    public PlatformDbContext Context => _context ??= factory.CreateDbContext().LeaseTo(currentTenant);

    public void Dispose() => Interlocked.Exchange(ref _context, null)?.ReturnFromLease();

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _context, null) is { } context ? context.ReturnFromLeaseAsync() : ValueTask.CompletedTask;
}
