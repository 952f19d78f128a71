namespace Platform.Domain.Reminders;

/// <summary>A set of channels, stored as flags.</summary>
[Flags]
public enum NotificationChannels
{
    None = 0,
    InApp = 1,
    Email = 2,
    Push = 4,
}
