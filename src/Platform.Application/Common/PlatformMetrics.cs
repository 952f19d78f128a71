using System.Diagnostics.Metrics;
using Platform.Domain.Reminders;

namespace Platform.Application.Common;

/// <summary>
/// The platform's own instruments, all on one meter named <see cref="MeterName"/> (ADR-030). Every measurement carries
/// the tenant's id and never anything about a person: no name, address or text.
/// </summary>
/// <remarks>
/// Created from the host's <see cref="IMeterFactory"/>, so two hosts in one process (the tests) keep their meters
/// apart. The queue depth is an observable gauge that reads the last count of <see cref="DueDeliveries"/>: the
/// callback runs on the scraping thread and must not query the database itself.
/// </remarks>
public sealed class PlatformMetrics
{
    public const string MeterName = "Platform";

    /// <summary>A scheduled post published at most this long after its time counts as on time (the publishing goal's p99, docs/benchmarks.md).</summary>
    public static readonly TimeSpan OnTimeWithin = TimeSpan.FromSeconds(2);

    private static readonly double[] LatenessBuckets = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600];

    private readonly Counter<long> _publications;
    private readonly Histogram<double> _lateness;
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _contactRequests;
    private readonly Counter<long> _requests;

    public PlatformMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _publications = meter.CreateCounter<long>(
            "platform.publications", "{publication}", "Scheduled posts that reached their end: outcome on_time, late or failed.");
        _lateness = meter.CreateHistogram(
            "platform.publication.lateness",
            "s",
            "Seconds from a scheduled post's time to its publication.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatenessBuckets });
        _deliveries = meter.CreateCounter<long>(
            "platform.reminder.deliveries", "{delivery}", "Notification deliveries handled by the engine, by channel and outcome.");
        _contactRequests = meter.CreateCounter<long>(
            "platform.contact_requests.received", "{request}", "Contact requests stored.");
        _requests = meter.CreateCounter<long>(
            "platform.requests", "{request}", "HTTP requests that resolved to a jobcenter.");
        meter.CreateObservableGauge(
            "platform.reminder.due",
            () => DueDeliveries.Snapshot(),
            "{delivery}",
            "Pending deliveries whose time has come, per jobcenter: the engine's backlog.");
    }

    /// <summary>The last counted backlog per tenant, written by the infrastructure's monitor and read by the gauge.</summary>
    public DueDeliveryCounts DueDeliveries { get; } = new();

    /// <summary>A scheduled post was published <paramref name="lateness"/> after its time (negative: counted as zero).</summary>
    public void Published(Guid tenantId, TimeSpan lateness)
    {
        var seconds = Math.Max(0, lateness.TotalSeconds);
        var tenant = Tenant(tenantId);
        _publications.Add(1, tenant, new("outcome", lateness <= OnTimeWithin ? "on_time" : "late"));
        _lateness.Record(seconds, tenant);
    }

    /// <summary>A scheduled post was given up after its last attempt and is now Failed.</summary>
    public void PublicationFailed(Guid tenantId) =>
        _publications.Add(1, Tenant(tenantId), new("outcome", "failed"));

    public void Delivery(Guid tenantId, NotificationChannel channel, DeliveryOutcome outcome) =>
        _deliveries.Add(1, Tenant(tenantId), new("channel", ChannelName(channel)), new("outcome", OutcomeName(outcome)));

    public void ContactRequestReceived(Guid tenantId) => _contactRequests.Add(1, Tenant(tenantId));

    public void Request(Guid tenantId) => _requests.Add(1, Tenant(tenantId));

    public static KeyValuePair<string, object?> Tenant(Guid tenantId) => new("tenant.id", tenantId.ToString());

    private static string ChannelName(NotificationChannel channel) => channel switch
    {
        NotificationChannel.InApp => "in_app",
        NotificationChannel.Email => "email",
        NotificationChannel.Push => "push",
        _ => "other",
    };

    private static string OutcomeName(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.Sent => "sent",
        DeliveryOutcome.Skipped => "skipped",
        DeliveryOutcome.Retried => "retried",
        _ => "postponed",
    };
}

/// <summary>What one pass of the delivery engine did with one delivery.</summary>
public enum DeliveryOutcome
{
    /// <summary>Handed to the channel (written in-app, accepted by the mail server or a push service).</summary>
    Sent,

    /// <summary>Not sent and never will be: the person switched the channel off, has no confirmed address or no push subscription left.</summary>
    Skipped,

    /// <summary>The channel failed; tried again later.</summary>
    Retried,

    /// <summary>Moved to the end of the person's quiet hours.</summary>
    Postponed,
}

/// <summary>The backlog of due deliveries per tenant, as last counted; replaced as a whole so the gauge reads one count.</summary>
public sealed class DueDeliveryCounts
{
    private volatile IReadOnlyDictionary<Guid, int> _counts = new Dictionary<Guid, int>();

    public void Set(IReadOnlyDictionary<Guid, int> counts) => _counts = counts;

    public IEnumerable<Measurement<long>> Snapshot() =>
        _counts.Select(c => new Measurement<long>(c.Value, PlatformMetrics.Tenant(c.Key)));
}
