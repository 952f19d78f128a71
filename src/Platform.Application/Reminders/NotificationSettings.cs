namespace Platform.Application.Reminders;

/// <param name="QuietStart">Europe/Berlin wall time, <c>HH:mm</c>.</param>
/// <param name="Unsubscribed">
/// Kinds of message stopped on a channel by the unsubscribe link of such a message, as <c>channel:kind</c> (for example
/// <c>email:new-post</c>); the channel stays on for the other kinds.
/// </param>
public sealed record NotificationSettings(
    bool InApp,
    bool Email,
    bool Push,
    string QuietStart,
    string QuietEnd,
    IReadOnlyList<string> FollowedTopics,
    bool MayUseEmailAndPush,
    string PushPublicKey,
    IReadOnlyList<string> Unsubscribed);
