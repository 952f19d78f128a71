using System.Globalization;
using Platform.Domain.Common;

namespace Platform.Domain.Reminders;

/// <summary>
/// A young person's reminder of one date. Each chosen lead time and channel becomes one <see cref="ReminderDelivery"/>,
/// created with the reminder, so the delivery engine never has to compute anything from the reminder again.
/// </summary>
public sealed class Reminder : ITenantOwned
{
    public const int MaxTitleLength = 120;

    /// <summary>The lead times a person can choose from.</summary>
    public static IReadOnlyList<TimeSpan> AllowedLeadTimes { get; } =
        [TimeSpan.FromDays(14), TimeSpan.FromDays(7), TimeSpan.FromDays(1), TimeSpan.FromHours(2)];

    private Reminder()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid UserId { get; private set; }

    public ReminderKind Kind { get; private set; }

    /// <summary>Free text for events; the kind's German name otherwise.</summary>
    public string Title { get; private set; } = "";

    /// <summary>The event's post, if the reminder belongs to one.</summary>
    public Guid? PostId { get; private set; }

    /// <summary>The date itself, UTC.</summary>
    public DateTime DueAt { get; private set; }

    /// <summary>Lead times in minutes, comma-separated (for example <c>20160,120</c>).</summary>
    public string LeadTimes { get; private set; } = "";

    public NotificationChannels Channels { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<TimeSpan> LeadTimeList =>
        [.. LeadTimes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(m => TimeSpan.FromMinutes(int.Parse(m, CultureInfo.InvariantCulture)))];

    /// <summary>
    /// Creates the reminder and its deliveries: one per lead time and channel, each due at the date minus the lead
    /// time. A lead time whose moment has already passed is refused (it would be a reminder that never comes); in-app is
    /// always one of the channels.
    /// </summary>
    public static (Reminder Reminder, IReadOnlyList<ReminderDelivery> Deliveries) Create(
        Guid tenantId,
        Guid userId,
        ReminderKind kind,
        string? title,
        Guid? postId,
        DateTime dueAtUtc,
        IReadOnlyCollection<TimeSpan> leadTimes,
        NotificationChannels channels,
        DateTime now,
        NotificationWording wording)
    {
        if (dueAtUtc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("The due time must be UTC.", nameof(dueAtUtc));
        }

        if (dueAtUtc <= now)
        {
            throw new DomainException("reminder.past", "Der Termin liegt in der Vergangenheit.");
        }

        if (leadTimes.Count == 0 || leadTimes.Any(l => !AllowedLeadTimes.Contains(l)))
        {
            throw new DomainException("reminder.leadTimes", "Bitte wähle mindestens einen der angebotenen Zeitpunkte.");
        }

        if (leadTimes.Any(l => dueAtUtc - l < now))
        {
            throw new DomainException("reminder.leadPassed", "Mindestens einer der gewählten Zeitpunkte ist schon vorbei.");
        }

        var text = string.IsNullOrWhiteSpace(title) ? wording.ReminderKinds[kind] : title.Trim();
        if (text.Length > MaxTitleLength)
        {
            throw new DomainException("reminder.title", $"Der Titel darf höchstens {MaxTitleLength} Zeichen lang sein.");
        }

        var reminder = new Reminder
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            UserId = userId,
            Kind = kind,
            Title = text,
            PostId = postId,
            DueAt = dueAtUtc,
            LeadTimes = string.Join(',', leadTimes.Distinct().OrderDescending().Select(l => ((int)l.TotalMinutes).ToString(CultureInfo.InvariantCulture))),
            Channels = channels | NotificationChannels.InApp,
            CreatedAt = now,
        };

        var deliveries = new List<ReminderDelivery>();
        foreach (var lead in reminder.LeadTimeList)
        {
            var sendAt = dueAtUtc - lead;
            foreach (var channel in reminder.Channels.Each())
            {
                deliveries.Add(ReminderDelivery.ForReminder(reminder, lead, channel, sendAt, wording));
            }
        }

        return (reminder, deliveries);
    }
}
