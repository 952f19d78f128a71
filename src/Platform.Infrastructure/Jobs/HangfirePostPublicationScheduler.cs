using Hangfire;
using Platform.Application.Common;

namespace Platform.Infrastructure.Jobs;

public sealed class HangfirePostPublicationScheduler(IBackgroundJobClient jobs) : IPostPublicationScheduler
{
    public void SchedulePublication(Guid tenantId, Guid postId, DateTime publishAt) =>
        jobs.Schedule<PublishPostJob>(
            job => job.RunAsync(tenantId, postId, CancellationToken.None),
            new DateTimeOffset(DateTime.SpecifyKind(publishAt, DateTimeKind.Utc)));
}
