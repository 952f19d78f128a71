using FluentValidation;
using Platform.Domain.Posts;
using Platform.Domain.Reminders;

namespace Platform.Application.Reminders;

internal static class NotificationSettingsView
{
    public static NotificationSettings From(NotificationPreferences? p, bool atLeast16, string publicKey) => new(
        InApp: true,
        Email: p?.EmailEnabled ?? false,
        Push: p?.PushEnabled ?? false,
        QuietStart: NotificationSettingsRules.Format(p?.QuietStart ?? NotificationPreferences.DefaultQuietStart),
        QuietEnd: NotificationSettingsRules.Format(p?.QuietEnd ?? NotificationPreferences.DefaultQuietEnd),
        FollowedTopics: TopicNames.ToNames((Topics)(p?.FollowedTopics ?? 0)),
        MayUseEmailAndPush: ConsentRules.MayConsentToReminders(atLeast16),
        PushPublicKey: publicKey,
        Unsubscribed: p is null ? [] : [.. NotificationSettingsRules.Kinds
            .Where(k => p.IsMuted(k.Channel, k.Kind))
            .Select(k => NotificationSettingsRules.KindName(k.Channel, k.Kind))],
        StaffDigest: p?.StaffDigest ?? false);
}
