using Microsoft.Extensions.Logging;

namespace Platform.Infrastructure.Jobs;

public static partial class JobLockExtensions
{
    /// <summary>
    /// Runs <paramref name="run"/> under the lock <paramref name="name"/>, or skips it when another run holds the lock:
    /// that run does the same work, and the next one picks up whatever it left.
    /// </summary>
    public static async Task RunAloneAsync(
        this IJobLock locks, string name, ILogger logger, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        await using var held = await locks.TryAcquireAsync(name, cancellationToken);
        if (held is null)
        {
            LogSkipped(logger, name);
            return;
        }

        await run(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} skipped: another run holds its lock")]
    private static partial void LogSkipped(ILogger logger, string job);
}
