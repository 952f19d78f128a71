using System.Collections.Concurrent;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// <see cref="IJobLock"/> of the embedded SQLite database, which one host serves: a semaphore per name in that host
/// (a singleton, so two hosts in one test process do not hold up each other's jobs). (Hangfire's SQLite lock counts its holders per thread, so an async run that ends on another thread than
/// it began would never release it.)
/// </summary>
public sealed class InProcessJobLock : IJobLock
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken)
    {
        var semaphore = _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        return await semaphore.WaitAsync(TimeSpan.Zero, cancellationToken) ? new Held(semaphore) : null;
    }

    private sealed class Held(SemaphoreSlim semaphore) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
