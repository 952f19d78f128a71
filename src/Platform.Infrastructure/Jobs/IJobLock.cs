using System.Data.Common;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// The lock a recurring job holds across all nodes while it runs, so that a second run (the next minute's, on any
/// node) skips instead of doing the same work beside it. A lock ends with its holder: a node that dies, or a database
/// that goes away, leaves nothing behind that holds up the next run. (Hangfire's <c>DisableConcurrentExecution</c> on
/// PostgreSQL does: its lock is a row that outlives a killed node for ten minutes, and the catch-up waited behind it.)
/// </summary>
public interface IJobLock
{
    /// <summary>The held lock, to dispose when the run ends, or null at once when another run holds it.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken);
}

/// <summary>The part the database locks share: a lock held by a session of its own, which the run keeps open.</summary>
internal static class SessionLock
{
    /// <summary>Opens <paramref name="connection"/> and asks for the lock; the open connection holds it, or is closed when refused.</summary>
    public static async Task<IAsyncDisposable?> HoldAsync(
        DbConnection connection, Func<DbConnection, CancellationToken, Task<bool>> acquire, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (await acquire(connection, cancellationToken))
            {
                return connection;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }
}
