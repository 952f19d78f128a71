namespace Platform.Domain.Reminders;

/// <summary>
/// The kinds of message that go to a jobcenter's staff about their work (issue 16), beside the ones young people get.
/// Staff choose per kind and channel on their notifications page; in-app they always arrive.
/// </summary>
public static class StaffAlerts
{
    public static IReadOnlyList<NotificationKind> Kinds { get; } =
        [NotificationKind.ReviewRequested, NotificationKind.ReviewDecided, NotificationKind.ContactRequest, NotificationKind.PublicationFailed,
            NotificationKind.CallbackBooked, NotificationKind.LibraryItemUpdated];

    /// <summary>Whether messages of this kind go to staff: the alerts, and their daily digest.</summary>
    public static bool IsStaffKind(this NotificationKind kind) => kind == NotificationKind.StaffDigest || Kinds.Contains(kind);
}
