using Platform.Domain.Common;

namespace Platform.Domain.Reminders;

/// <summary>
/// How a person wants to be notified. In-app is always on; e-mail and web push are opt-in, and every change of those
/// is kept as a <see cref="ConsentRecord"/>. Quiet hours hold back push messages (not e-mail, not in-app).
/// </summary>
public sealed class NotificationPreferences : ITenantOwned
{
    public static readonly TimeOnly DefaultQuietStart = new(22, 0);
    public static readonly TimeOnly DefaultQuietEnd = new(7, 0);

    private NotificationPreferences()
    {
    }

    public Guid UserId { get; private set; }

    public Guid TenantId { get; private set; }

    public bool EmailEnabled { get; private set; }

    public bool PushEnabled { get; private set; }

    /// <summary>Start of the quiet hours, Europe/Berlin wall time.</summary>
    public TimeOnly QuietStart { get; private set; } = DefaultQuietStart;

    /// <summary>End of the quiet hours, Europe/Berlin wall time; before the start means the next morning.</summary>
    public TimeOnly QuietEnd { get; private set; } = DefaultQuietEnd;

    /// <summary>Topics whose new posts the person wants to hear about (flags of <c>Platform.Domain.Posts.Topics</c>).</summary>
    public int FollowedTopics { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>
    /// The kinds of message the person unsubscribed from on a channel, by the link in such a message (one bit per
    /// channel and kind, see <see cref="Bit"/>); the channel itself stays on for the other kinds.
    /// </summary>
    public int MutedKinds { get; private set; }

    /// <summary>
    /// Staff only: their alerts come by e-mail once a day, all together (<see cref="NotificationKind.StaffDigest"/>),
    /// instead of one e-mail each; in the app and by push they still come one by one.
    /// </summary>
    public bool StaffDigest { get; private set; }

    public QuietHours QuietHours => new(QuietStart, QuietEnd);

    public static NotificationPreferences Default(Guid tenantId, Guid userId, DateTime now) =>
        new() { TenantId = tenantId, UserId = userId, UpdatedAt = now };

    /// <summary>Turns a consent-based channel on or off; returns the consent record when it changed.</summary>
    public ConsentRecord? SetChannel(NotificationChannel channel, bool enabled, bool confirmedAtLeast16, DateTime now)
    {
        if (channel == NotificationChannel.InApp)
        {
            throw new DomainException("preferences.inApp", "Benachrichtigungen in der App sind immer an.");
        }

        if (enabled && !ConsentRules.MayConsentToReminders(confirmedAtLeast16))
        {
            throw new DomainException(
                "preferences.age", "E-Mail- und Push-Erinnerungen gibt es erst, wenn du bestätigt hast, dass du mindestens 16 Jahre alt bist.");
        }

        var current = channel == NotificationChannel.Email ? EmailEnabled : PushEnabled;
        if (current == enabled)
        {
            return null;
        }

        if (channel == NotificationChannel.Email)
        {
            EmailEnabled = enabled;
        }
        else
        {
            PushEnabled = enabled;
        }

        UpdatedAt = now;
        return ConsentRecord.Create(TenantId, UserId, ConsentRecord.PurposeOf(channel), enabled, now);
    }

    public void SetQuietHours(TimeOnly start, TimeOnly end, DateTime now)
    {
        if (start == end)
        {
            throw new DomainException("preferences.quietHours", "Beginn und Ende der Ruhezeit müssen verschieden sein.");
        }

        QuietStart = start;
        QuietEnd = end;
        UpdatedAt = now;
    }

    public void Follow(int topics, DateTime now)
    {
        FollowedTopics = topics;
        UpdatedAt = now;
    }

    public bool IsMuted(NotificationChannel channel, NotificationKind kind) =>
        channel != NotificationChannel.InApp && (MutedKinds & Bit(channel, kind)) != 0;

    /// <summary>Turns the staff's daily digest on or off (<see cref="StaffDigest"/>).</summary>
    public void SetStaffDigest(bool enabled, DateTime now)
    {
        if (StaffDigest != enabled)
        {
            StaffDigest = enabled;
            UpdatedAt = now;
        }
    }

    /// <summary>Stops one kind on one channel; returns the consent record when it changed.</summary>
    public ConsentRecord? Mute(NotificationChannel channel, NotificationKind kind, DateTime now) => SetKind(channel, kind, false, now);

    /// <summary>Turns one kind on one channel on or off again; returns the consent record when it changed.</summary>
    public ConsentRecord? SetKind(NotificationChannel channel, NotificationKind kind, bool enabled, DateTime now)
    {
        if (channel == NotificationChannel.InApp || IsMuted(channel, kind) != enabled)
        {
            return null;
        }

        MutedKinds = enabled ? MutedKinds & ~Bit(channel, kind) : MutedKinds | Bit(channel, kind);
        UpdatedAt = now;
        return ConsentRecord.Create(TenantId, UserId, ConsentRecord.PurposeOf(channel, kind), enabled, now);
    }

    /// <summary>Whether a message of this kind may go out on this channel.</summary>
    public bool Allows(NotificationChannel channel, NotificationKind kind, bool confirmedAtLeast16) =>
        Allows(channel, confirmedAtLeast16) && !IsMuted(channel, kind);

    /// <summary>The highest kind a channel has a bit for: e-mail takes bits 0–15, push bits 16–31.</summary>
    public const int MaxKind = 15;

    /// <summary>
    /// One bit per kind and channel: e-mail's kinds in bits 0–15, push's in 16–31 (in-app cannot be muted). Until
    /// migration <c>StaffDigest</c> it was eight bits per channel from in-app's on, which had no room for a ninth kind.
    /// </summary>
    private static int Bit(NotificationChannel channel, NotificationKind kind)
    {
        if ((int)kind is < 0 or > MaxKind || channel is not (NotificationChannel.Email or NotificationChannel.Push))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"No mute bit for {kind} on {channel}.");
        }

        return 1 << ((channel == NotificationChannel.Push ? 16 : 0) + (int)kind);
    }

    public bool Allows(NotificationChannel channel, bool confirmedAtLeast16) => channel switch
    {
        NotificationChannel.InApp => true,
        NotificationChannel.Email => EmailEnabled && ConsentRules.MayConsentToReminders(confirmedAtLeast16),
        NotificationChannel.Push => PushEnabled && ConsentRules.MayConsentToReminders(confirmedAtLeast16),
        _ => false,
    };
}
