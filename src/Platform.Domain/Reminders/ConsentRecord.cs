using Platform.Domain.Common;

namespace Platform.Domain.Reminders;

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

    /// <summary>The kind's name in consent purposes and settings (<c>email:new-post</c>); every kind has its own.</summary>
    public static string KindName(NotificationKind kind) => kind switch
    {
        NotificationKind.Reminder => "reminder",
        NotificationKind.NewPost => "new-post",
        NotificationKind.Promotion => "promotion",
        NotificationKind.ReviewRequested => "review-requested",
        NotificationKind.ReviewDecided => "review-decided",
        NotificationKind.ContactRequest => "contact-request",
        NotificationKind.PublicationFailed => "publication-failed",
        NotificationKind.CallbackBooked => "callback-booked",
        NotificationKind.LibraryItemUpdated => "library-item-updated",
        NotificationKind.StaffDigest => "staff-digest",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A kind of message without a name."),
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
