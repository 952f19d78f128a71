namespace Platform.Domain.Reminders;

/// <summary>What a message is about; a person can unsubscribe from one kind on one channel and keep the others.</summary>
public enum NotificationKind
{
    /// <summary>A reminder the person set up.</summary>
    Reminder = 0,

    /// <summary>A new post in a followed topic.</summary>
    NewPost = 1,

    /// <summary>A seat at an event, moved up from the waiting list.</summary>
    Promotion = 2,

    /// <summary>For staff: a post waits for their review (issue 16).</summary>
    ReviewRequested = 3,

    /// <summary>For staff: a post of theirs was approved or sent back with a comment.</summary>
    ReviewDecided = 4,

    /// <summary>For staff: a new request came through the contact form.</summary>
    ContactRequest = 5,

    /// <summary>For staff: a post of theirs could not be published.</summary>
    PublicationFailed = 6,

    /// <summary>For staff: a young person booked a callback slot.</summary>
    CallbackBooked = 7,

    /// <summary>For staff: a library item the jobcenter adopted has a new version upstream.</summary>
    LibraryItemUpdated = 8,

    /// <summary>For staff: the alerts of the last day in one e-mail, for those who chose it.</summary>
    StaffDigest = 9,
}
