namespace Platform.Domain.Reminders;

/// <summary>The channels a notification can take.</summary>
public enum NotificationChannel
{
    InApp = 0,
    Email = 1,
    Push = 2,
}
