namespace Platform.Application.Reminders;

public sealed record NotificationItem(Guid Id, string Title, string Text, string Link, DateTime CreatedAt, bool Read);
