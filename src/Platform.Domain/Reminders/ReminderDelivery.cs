using System.Globalization;
using Platform.Domain.Common;
using Platform.Domain.Events;

namespace Platform.Domain.Reminders;

/// <summary>
/// One message on one channel at one time: the outbox row the delivery engine claims, sends and marks. Its
/// <see cref="Key"/> is unique per tenant, so the same (reminder, lead time, channel) or (post, subscriber) can never
/// be created twice; the in-app notification it creates carries the delivery's id, unique too, so it cannot be
/// written twice either.
/// </summary>
public sealed class ReminderDelivery : ITenantOwned
{
    public const int MaxAttempts = 5;

    private ReminderDelivery()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>What makes it unique, for example <c>r:{reminder}:{minutes}:{channel}</c> or <c>p:{post}:{subscription}</c>.</summary>
    public string Key { get; private set; } = "";

    public Guid? ReminderId { get; private set; }

    /// <summary>The account it goes to; null for an anonymous topic subscription.</summary>
    public Guid? UserId { get; private set; }

    /// <summary>The anonymous push subscription it goes to.</summary>
    public Guid? PushSubscriptionId { get; private set; }

    public NotificationChannel Channel { get; private set; }

    /// <summary>The kind, from the key's prefix (<c>r:</c>, <c>p:</c>, <c>w:</c>), which every factory below sets.</summary>
    public NotificationKind Kind => Key[0] switch
    {
        'p' => NotificationKind.NewPost,
        'w' => NotificationKind.Promotion,
        _ => NotificationKind.Reminder,
    };

    /// <summary>When it should go out, UTC (for push moved out of the quiet hours).</summary>
    public DateTime DueAt { get; private set; }

    public string Title { get; private set; } = "";

    public string Text { get; private set; } = "";

    /// <summary>Path inside the tenant, for example <c>/erinnerungen</c>.</summary>
    public string Link { get; private set; } = "";

    public DeliveryStatus Status { get; private set; }

    public DateTime? SentAt { get; private set; }

    /// <summary>The claim of the worker sending it; another worker may take it over once <see cref="ClaimedUntil"/> has passed.</summary>
    public Guid? ClaimToken { get; private set; }

    public DateTime? ClaimedUntil { get; private set; }

    public int Attempts { get; private set; }

    public static ReminderDelivery ForReminder(Reminder reminder, TimeSpan lead, NotificationChannel channel, DateTime dueAt) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = reminder.TenantId,
        Key = $"r:{reminder.Id:N}:{(int)lead.TotalMinutes}:{(int)channel}",
        ReminderId = reminder.Id,
        UserId = reminder.UserId,
        Channel = channel,
        DueAt = dueAt,
        Title = $"Erinnerung: {reminder.Title}",
        Text = ReminderText(reminder, lead),
        Link = "/erinnerungen",
    };

    /// <summary>A new post for a follower of its topics (an account or an anonymous push subscription).</summary>
    public static ReminderDelivery ForPost(
        Guid tenantId, Guid postId, string postTitle, Guid? userId, Guid? pushSubscriptionId, NotificationChannel channel, DateTime dueAt)
    {
        var subscriber = userId ?? pushSubscriptionId ?? throw new ArgumentException("A follower is an account or a subscription.");
        return new()
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Key = $"p:{postId:N}:{subscriber:N}:{(int)channel}",
            UserId = userId,
            PushSubscriptionId = pushSubscriptionId,
            Channel = channel,
            DueAt = dueAt,
            Title = "Neuer Beitrag",
            Text = postTitle.Length > 200 ? postTitle[..200] : postTitle,
            Link = $"/posts/{postId}",
        };
    }

    /// <summary>
    /// A seat freed up and <paramref name="registration"/> moved up from the waiting list. The key carries the
    /// registration's position, which is new at every sign-up, so one promotion gives one message per channel and a
    /// later sign-up that moves up again gives its own.
    /// </summary>
    public static ReminderDelivery ForPromotion(
        EventRegistration registration, string eventTitle, DateTime eventStartsAt, NotificationChannel channel, DateTime dueAt)
    {
        var title = eventTitle.Length > 150 ? eventTitle[..150] + "…" : eventTitle;
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(eventStartsAt, DateTimeKind.Utc), BerlinTime.Zone);
        return new()
        {
            Id = Guid.CreateVersion7(),
            TenantId = registration.TenantId,
            Key = $"w:{registration.Id:N}:{registration.Position}:{(int)channel}",
            UserId = registration.UserId,
            Channel = channel,
            DueAt = dueAt,
            Title = "Du hast einen Platz bekommen",
            Text = string.Create(
                CultureInfo.GetCultureInfo("de-DE"),
                $"Ein Platz ist frei geworden: Du bist jetzt fest angemeldet für „{title}“ am {local:dddd, d. MMMM yyyy} um {local:HH:mm} Uhr. Wenn du nicht kommen kannst, melde dich bitte wieder ab."),
            Link = $"/posts/{registration.PostId}",
        };
    }

    /// <summary>The German sentence of a reminder; the date itself is shown in Europe/Berlin.</summary>
    public static string ReminderText(Reminder reminder, TimeSpan lead)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(reminder.DueAt, BerlinTime.Zone);
        var when = lead.TotalDays >= 1
            ? $"in {(int)lead.TotalDays} {((int)lead.TotalDays == 1 ? "Tag" : "Tagen")}"
            : $"in {(int)lead.TotalHours} {((int)lead.TotalHours == 1 ? "Stunde" : "Stunden")}";
        return string.Create(
            CultureInfo.GetCultureInfo("de-DE"),
            $"{reminder.Title} – {when}, am {local:dddd, d. MMMM yyyy} um {local:HH:mm} Uhr.");
    }

    /// <summary>Moves a push out of the quiet hours and gives up any claim, so it is picked up again at that time.</summary>
    public void MoveTo(DateTime dueAt)
    {
        DueAt = dueAt;
        ClaimToken = null;
        ClaimedUntil = null;
    }

    public void MarkSent(DateTime now)
    {
        Status = DeliveryStatus.Sent;
        SentAt = now;
        ClaimedUntil = null;
    }

    public void MarkSkipped(DateTime now)
    {
        Status = DeliveryStatus.Skipped;
        SentAt = now;
        ClaimedUntil = null;
    }

    /// <summary>A failed attempt: try again at <paramref name="retryAt"/>, or give up after <see cref="MaxAttempts"/>.</summary>
    public void Retry(DateTime retryAt)
    {
        if (Attempts >= MaxAttempts)
        {
            Status = DeliveryStatus.Failed;
            ClaimedUntil = null;
            return;
        }

        ClaimedUntil = retryAt;
    }
}
