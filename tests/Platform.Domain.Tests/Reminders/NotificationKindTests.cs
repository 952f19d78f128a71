using Platform.Domain.Reminders;

namespace Platform.Domain.Tests.Reminders;

/// <summary>
/// Every kind of message can be stopped on its own: each has its own name in the settings and consent records, and
/// stopping it on one channel stops nothing else (the mute bits of all kinds and channels are apart).
/// </summary>
public sealed class NotificationKindTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Every_kind_has_a_name_of_its_own()
    {
        var names = Enum.GetValues<NotificationKind>().Select(ConsentRecord.KindName).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Stopping_one_kind_on_one_channel_stops_nothing_else()
    {
        foreach (var channel in new[] { NotificationChannel.Email, NotificationChannel.Push })
        {
            foreach (var kind in Enum.GetValues<NotificationKind>())
            {
                var preferences = NotificationPreferences.Default(Guid.NewGuid(), Guid.NewGuid(), Now);

                Assert.NotNull(preferences.Mute(channel, kind, Now));

                var muted = Enum.GetValues<NotificationKind>()
                    .SelectMany(k => new[] { NotificationChannel.Email, NotificationChannel.Push }.Select(c => (c, k)))
                    .Where(x => preferences.IsMuted(x.c, x.k))
                    .ToList();
                Assert.Equal([(channel, kind)], muted);
            }
        }
    }

    [Fact]
    public void Staff_messages_are_told_apart_from_young_peoples_by_their_key()
    {
        var digest = ReminderDelivery.ForStaff(
            Guid.NewGuid(), NotificationKind.StaffDigest, Guid.NewGuid(), 740_000, Guid.NewGuid(), NotificationChannel.Email, Now, "T", "x", "/b", "de");

        Assert.Equal(NotificationKind.StaffDigest, digest.Kind);
        Assert.True(digest.Kind.IsStaffKind());
        Assert.False(NotificationKind.NewPost.IsStaffKind());
    }
}
