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

    public bool IsMuted(NotificationChannel channel, NotificationKind kind) => (MutedKinds & Bit(channel, kind)) != 0;

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

    private static int Bit(NotificationChannel channel, NotificationKind kind) => 1 << (((int)channel * 8) + (int)kind);

    public bool Allows(NotificationChannel channel, bool confirmedAtLeast16) => channel switch
    {
        NotificationChannel.InApp => true,
        NotificationChannel.Email => EmailEnabled && ConsentRules.MayConsentToReminders(confirmedAtLeast16),
        NotificationChannel.Push => PushEnabled && ConsentRules.MayConsentToReminders(confirmedAtLeast16),
        _ => false,
    };
}

/// <summary>
/// Quiet hours in Europe/Berlin wall time, possibly across midnight. A message due inside them is moved to their end,
/// computed in wall time and converted back, so a night with a daylight-saving change is an hour shorter or longer.
/// </summary>
public readonly record struct QuietHours(TimeOnly Start, TimeOnly End)
{
    public static QuietHours Default { get; } = new(NotificationPreferences.DefaultQuietStart, NotificationPreferences.DefaultQuietEnd);

    public bool Contains(TimeOnly time) => Start < End
        ? time >= Start && time < End
        : time >= Start || time < End;

    /// <summary>The UTC instant at which a message due at <paramref name="dueUtc"/> may go out.</summary>
    public DateTime Delay(DateTime dueUtc)
    {
        var local = BerlinTime.ToLocal(dueUtc);
        var time = TimeOnly.FromDateTime(local);
        if (!Contains(time))
        {
            return dueUtc;
        }

        // Across midnight, the end is on the next day when the message falls before midnight.
        var endDate = Start > End && time >= Start ? local.Date.AddDays(1) : local.Date;
        var end = BerlinTime.ToUtc(endDate + End.ToTimeSpan());
        return end > dueUtc ? end : dueUtc;
    }
}

/// <summary>
/// Which features a person may use on the strength of their own consent. Under 16 (or not confirmed), consent-based
/// channels such as e-mail and push reminders stay off (GDPR Art. 8 with the German age of 16). The one place of this rule.
/// </summary>
public static class ConsentRules
{
    public static bool MayConsentToReminders(bool confirmedAtLeast16) => confirmedAtLeast16;
}

/// <summary>A consent given or withdrawn, kept as evidence (what, given or withdrawn, when).</summary>
public sealed class ConsentRecord : ITenantOwned
{
    public const string EmailReminders = "email-notifications";
    public const string PushReminders = "push-notifications";

    private ConsentRecord()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid UserId { get; private set; }

    public string Purpose { get; private set; } = "";

    public bool Given { get; private set; }

    public DateTime At { get; private set; }

    /// <summary>Where it happened, for example <c>settings</c> or <c>unsubscribe-link</c>.</summary>
    public string Source { get; private set; } = "settings";

    public static string PurposeOf(NotificationChannel channel) =>
        channel == NotificationChannel.Email ? EmailReminders : PushReminders;

    /// <summary>One kind on a channel, for example <c>email-notifications:new-post</c>.</summary>
    public static string PurposeOf(NotificationChannel channel, NotificationKind kind) => $"{PurposeOf(channel)}:{KindName(kind)}";

    public static string KindName(NotificationKind kind) => kind switch
    {
        NotificationKind.NewPost => "new-post",
        NotificationKind.Promotion => "promotion",
        _ => "reminder",
    };

    public static ConsentRecord Create(Guid tenantId, Guid userId, string purpose, bool given, DateTime at, string source = "settings") => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = tenantId,
        UserId = userId,
        Purpose = purpose,
        Given = given,
        At = at,
        Source = source,
    };

    public ConsentRecord WithSource(string source)
    {
        Source = source;
        return this;
    }
}
