namespace Platform.Domain.Reminders;

public enum DeliveryStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,

    /// <summary>Not sent on purpose: the consent for its channel was withdrawn, or the person may not use it.</summary>
    Skipped = 3,
}
