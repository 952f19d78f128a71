namespace Platform.Infrastructure.Jobs;

/// <summary>Bound from <c>Platform:Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = "Platform:Jobs";

    /// <summary>How often Hangfire looks for due scheduled jobs. Its default of 15 s is far too late for posts.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often workers poll the queue on storages without notifications (SQLite, SQL Server).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cron expression of the catch-up job that publishes overdue posts and unpublishes expired ones.</summary>
    public string CatchUpCron { get; set; } = "* * * * *";

    /// <summary>Cron expression of the job that deletes contact requests past their tenant's retention period (daily).</summary>
    public string ContactRetentionCron { get; set; } = "17 3 * * *";

    /// <summary>Cron expression of the staff's daily digest, in Europe/Berlin time (7:00 every day).</summary>
    public string StaffDigestCron { get; set; } = "0 7 * * *";

    /// <summary>Cron expression of <c>PRAGMA optimize</c> on the SQLite provider (every six hours).</summary>
    public string SqliteOptimizeCron { get; set; } = "41 */6 * * *";

    public int WorkerCount { get; set; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>How many times a publication is tried before the post ends in the Failed state.</summary>
    public int PublishAttempts { get; set; } = 3;

    /// <summary>The pause between two publication attempts.</summary>
    public TimeSpan PublishRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How late a scheduled post may be before the readiness check reports it.</summary>
    public TimeSpan OverdueGrace { get; set; } = TimeSpan.FromMinutes(1);
}
