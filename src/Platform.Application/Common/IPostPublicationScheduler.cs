namespace Platform.Application.Common;

/// <summary>Port to the job system: publishes a scheduled post of a tenant at its time.</summary>
public interface IPostPublicationScheduler
{
    /// <summary>Schedules the job that publishes the post at <paramref name="publishAt"/> (UTC); returns the job's id.</summary>
    string SchedulePublication(Guid tenantId, Guid postId, DateTime publishAt);

    /// <summary>Deletes a scheduled job (the post was rescheduled, cancelled or withdrawn); unknown ids are ignored.</summary>
    void Cancel(string jobId);
}
