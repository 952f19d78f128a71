namespace Platform.Application.Reminders;

public sealed record FollowedTopics(IReadOnlyList<string> Topics);
