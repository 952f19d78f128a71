using Hangfire;
using Platform.Application.Common;

namespace Platform.Infrastructure.Jobs;

public sealed class HangfirePostPublicationScheduler(IBackgroundJobClient jobs) : IPostPublicationScheduler
{
    public string SchedulePublication(Guid tenantId, Guid postId, DateTime publishAt) =>
        jobs.Schedule<PublishPostJob>(
            job => job.RunAsync(tenantId, postId, CancellationToken.None),
            new DateTimeOffset(DateTime.SpecifyKind(publishAt, DateTimeKind.Utc)));

    public void Cancel(string jobId) => jobs.Delete(jobId);
}
