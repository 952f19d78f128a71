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

    /// <summary>The booked callback a reminder by e-mail is about; it goes to the address of the booking, not to an account.</summary>
    public Guid? CallbackBookingId { get; private set; }

    /// <summary>The kind, from the key's prefix (<c>r:</c>, <c>p:</c>, <c>w:</c>, <c>s3:</c> …), which every factory below sets.</summary>
    public NotificationKind Kind => Key[0] switch
    {
        'p' => NotificationKind.NewPost,
        'w' => NotificationKind.Promotion,
        's' => (NotificationKind)int.Parse(Key.AsSpan(1, Key.IndexOf(':', StringComparison.Ordinal) - 1), System.Globalization.CultureInfo.InvariantCulture),
        _ => NotificationKind.Reminder,
    };

    /// <summary>When it should go out, UTC (for push moved out of the quiet hours).</summary>
    public DateTime DueAt { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The language <see cref="Title"/> and <see cref="Text"/> are written in, and the e-mail around them.</summary>
    public string Language { get; private set; } = "de";

    public string Text { get; private set; } = "";

    /// <summary>Path inside the tenant, for example <c>/erinnerungen</c>.</summary>
    public string Link { get; private set; } = "";

    public DeliveryStatus Status { get; private set; }

    public DateTime? SentAt { get; private set; }

    /// <summary>The claim of the worker sending it; another worker may take it over once <see cref="ClaimedUntil"/> has passed.</summary>
    public Guid? ClaimToken { get; private set; }

    public DateTime? ClaimedUntil { get; private set; }

    public int Attempts { get; private set; }

    public static ReminderDelivery ForReminder(Reminder reminder, TimeSpan lead, NotificationChannel channel, DateTime dueAt, NotificationWording wording) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = reminder.TenantId,
        Key = $"r:{reminder.Id:N}:{(int)lead.TotalMinutes}:{(int)channel}",
        ReminderId = reminder.Id,
        UserId = reminder.UserId,
        Channel = channel,
        DueAt = dueAt,
        Title = Shorten(wording.Reminder(reminder.Title), 200),
        Text = wording.ReminderSentence(reminder.Title, lead, reminder.DueAt),
        Language = wording.Language,
        Link = "/erinnerungen",
    };

    /// <summary>A new post for a follower of its topics (an account or an anonymous push subscription).</summary>
    public static ReminderDelivery ForPost(
        Guid tenantId, Guid postId, string postTitle, Guid? userId, Guid? pushSubscriptionId, NotificationChannel channel, DateTime dueAt, NotificationWording wording)
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
            Title = wording.NewPostTitle,
            Text = postTitle.Length > 200 ? postTitle[..200] : postTitle,
            Language = wording.Language,
            Link = $"/posts/{postId}",
        };
    }

    /// <summary>
    /// A seat freed up and <paramref name="registration"/> moved up from the waiting list. The key carries the
    /// registration's position, which is new at every sign-up, so one promotion gives one message per channel and a
    /// later sign-up that moves up again gives its own.
    /// </summary>
    public static ReminderDelivery ForPromotion(
        EventRegistration registration, string eventTitle, DateTime eventStartsAt, NotificationChannel channel, DateTime dueAt, NotificationWording wording)
    {
        var title = eventTitle.Length > 150 ? eventTitle[..150] + "…" : eventTitle;
        return new()
        {
            Id = Guid.CreateVersion7(),
            TenantId = registration.TenantId,
            Key = $"w:{registration.Id:N}:{registration.Position}:{(int)channel}",
            UserId = registration.UserId,
            Channel = channel,
            DueAt = dueAt,
            Title = wording.PromotionTitle,
            Text = Shorten(wording.Promotion(title, eventStartsAt), 500),
            Language = wording.Language,
            Link = $"/posts/{registration.PostId}",
        };
    }

    /// <summary>
    /// A message to a staff member about their work (<see cref="StaffAlerts"/>). The key names the kind, the subject (a
    /// post, a request) and its <paramref name="occurrence"/> (a post sent to review again is a new occurrence), so one
    /// event gives one message per person and channel.
    /// </summary>
    public static ReminderDelivery ForStaff(
        Guid tenantId, NotificationKind kind, Guid subjectId, int occurrence, Guid userId, NotificationChannel channel, DateTime dueAt,
        string title, string text, string link, string language)
    {
        if (!kind.IsStaffKind())
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a message for staff.");
        }

        return new()
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Key = $"{StaffKeyPrefix(kind, subjectId, occurrence)}{userId:N}:{(int)channel}",
            UserId = userId,
            Channel = channel,
            DueAt = dueAt,
            Title = Shorten(title, 200),
            Text = Shorten(text, 500),
            Language = language,
            Link = link,
        };
    }

    /// <summary>The start of the outbox keys of one staff alert (its kind, subject and occurrence), for every person and channel.</summary>
    public static string StaffKeyPrefix(NotificationKind kind, Guid subjectId, int occurrence) => $"{StaffKeyStart}{(int)kind}:{subjectId:N}:{occurrence}:";

    /// <summary>How every staff message's key starts (then its kind's number): <c>s3:</c>, <c>s9:</c> …</summary>
    public const string StaffKeyStart = "s";

    /// <summary>
    /// The reminder of a booked callback, to the e-mail address the young person gave (<c>c:</c> keys, kind
    /// <see cref="NotificationKind.Reminder"/>). The engine sends it only while the booking stands.
    /// </summary>
    public static ReminderDelivery ForCallback(Guid tenantId, Guid bookingId, DateTime dueAt, string title, string text, string language) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = tenantId,
        Key = $"c:{bookingId:N}:{(int)NotificationChannel.Email}",
        CallbackBookingId = bookingId,
        Channel = NotificationChannel.Email,
        DueAt = dueAt,
        Title = Shorten(title, 200),
        Text = Shorten(text, 500),
        Language = language,
        Link = "/kontakt",
    };

    private static string Shorten(string text, int length) => text.Length > length ? text[..(length - 1)] + "…" : text;

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
