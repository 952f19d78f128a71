namespace Platform.Application.Common;

/// <summary>Port to the job system: publishes a scheduled post of a tenant at its time.</summary>
public interface IPostPublicationScheduler
{
    /// <summary>Schedules (or replaces) the job that publishes the post at <paramref name="publishAt"/> (UTC).</summary>
    void SchedulePublication(Guid tenantId, Guid postId, DateTime publishAt);
}
