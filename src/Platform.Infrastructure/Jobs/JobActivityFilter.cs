using System.Diagnostics;
using Hangfire.Common;
using Hangfire.Server;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// Runs every Hangfire job inside an activity of the platform's <see cref="SourceName"/> source: its spans (database,
/// HTTP, mail) form one trace, and its log lines carry a trace id like a request's (ADR-030).
/// </summary>
public sealed class JobActivityFilter : JobFilterAttribute, IServerFilter
{
    public const string SourceName = "Platform";

    private const string ActivityItem = "Platform.Activity";

    private static readonly ActivitySource Source = new(SourceName);

    public void OnPerforming(PerformingContext context)
    {
        var job = context.BackgroundJob.Job;
        var activity = Source.StartActivity($"job {job.Type.Name}.{job.Method.Name}", ActivityKind.Internal);
        activity?.SetTag("job.id", context.BackgroundJob.Id);
        context.Items[ActivityItem] = activity;
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(ActivityItem, out var item) && item is Activity activity)
        {
            if (context.Exception is { } exception)
            {
                activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            }

            activity.Dispose();
        }
    }
}
