using System.Globalization;
using Platform.Domain.Posts;
using Platform.Domain.Reminders;
// Inside this class, Topics is also the name of the method below.
using TopicFlags = Platform.Domain.Posts.Topics;

namespace Platform.Application.Reminders;

public static class NotificationSettingsRules
{
    public static bool IsTime(string? value) => TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static TimeOnly Time(string value) => TimeOnly.ParseExact(value, "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The flags of the valid topic names (the validator has refused any other).</summary>
    public static Topics Topics(IEnumerable<string> names) =>
        names.Aggregate(TopicFlags.None, (flags, name) => TopicNames.TryParse(name, out var topic) ? flags | topic : flags);

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Every channel and kind a person can stop on its own.</summary>
    public static IEnumerable<(NotificationChannel Channel, NotificationKind Kind)> Kinds =>
        from channel in new[] { NotificationChannel.Email, NotificationChannel.Push }
        from kind in Enum.GetValues<NotificationKind>()
        select (channel, kind);

    /// <summary>The same as <c>channel:kind</c>, for example <c>email:new-post</c>.</summary>
    public static IEnumerable<string> KindNames => Kinds.Select(k => KindName(k.Channel, k.Kind));

    public static string KindName(NotificationChannel channel, NotificationKind kind) =>
        $"{(channel == NotificationChannel.Email ? "email" : "push")}:{ConsentRecord.KindName(kind)}";

    public static bool TryParseKind(string? name, out NotificationChannel channel, out NotificationKind kind)
    {
        foreach (var c in new[] { NotificationChannel.Email, NotificationChannel.Push })
        {
            foreach (var k in Enum.GetValues<NotificationKind>())
            {
                if (string.Equals(name, KindName(c, k), StringComparison.OrdinalIgnoreCase))
                {
                    (channel, kind) = (c, k);
                    return true;
                }
            }
        }

        (channel, kind) = (default, default);
        return false;
    }
}
