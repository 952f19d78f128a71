using Hangfire;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Posts;

namespace Platform.Infrastructure.Jobs;

/// <summary>The delayed job that publishes one post at its time. Safe to run any number of times.</summary>
public sealed class PublishPostJob(TenantJobRunner runner)
{
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(Guid tenantId, Guid postId, CancellationToken cancellationToken) =>
        runner.RunAsync(
            tenantId,
            async (services, ct) => await services.GetRequiredService<IMediator>().Send(new PublishDuePostCommand(postId), ct),
            cancellationToken);
}
