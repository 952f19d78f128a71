using Platform.Domain.Reminders;

namespace Platform.Application.Reminders;

/// <summary>
/// What a one-tap unsubscribe link stands for: one kind of message on an account's channel (links of older messages
/// carry no kind and stand for the whole channel), or an anonymous push subscription.
/// </summary>
public sealed record UnsubscribeTarget(Guid? UserId, NotificationChannel Channel, Guid? PushSubscriptionId, NotificationKind? Kind = null);
