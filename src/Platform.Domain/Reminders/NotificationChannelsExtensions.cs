namespace Platform.Domain.Reminders;

public static class NotificationChannelsExtensions
{
    public static IEnumerable<NotificationChannel> Each(this NotificationChannels channels)
    {
        if (channels.HasFlag(NotificationChannels.InApp))
        {
            yield return NotificationChannel.InApp;
        }

        if (channels.HasFlag(NotificationChannels.Email))
        {
            yield return NotificationChannel.Email;
        }

        if (channels.HasFlag(NotificationChannels.Push))
        {
            yield return NotificationChannel.Push;
        }
    }
}
