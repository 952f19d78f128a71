namespace Platform.Application.Reminders;

/// <remarks>
/// <para><paramref name="QuietStart"/>: Europe/Berlin wall time, <c>HH:mm</c>.</para>
/// <para>
/// <paramref name="Unsubscribed"/>: kinds of message stopped on a channel by the unsubscribe link of such a message, as <c>channel:kind</c> (for example
/// <c>email:new-post</c>); the channel stays on for the other kinds.
/// </para>
/// </remarks>
public sealed record NotificationSettings(
    bool InApp,
    bool Email,
    bool Push,
    string QuietStart,
    string QuietEnd,
    IReadOnlyList<string> FollowedTopics,
    bool MayUseEmailAndPush,
    string PushPublicKey,
    IReadOnlyList<string> Unsubscribed,
    bool StaffDigest = false);
