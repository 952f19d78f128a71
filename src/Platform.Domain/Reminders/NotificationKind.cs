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
}
