using Platform.Application.Common;
using Platform.Domain.Reminders;

namespace Platform.Application.Reminders;

/// <summary>What the delivery engine needs to know about an account of the current tenant.</summary>
public sealed record Recipient(Guid Id, string Email, bool EmailConfirmed, bool ConfirmedAtLeast16);

/// <summary>Port to the accounts: looks up recipients of the current tenant in bulk.</summary>
public interface IRecipientDirectory
{
    Task<IReadOnlyDictionary<Guid, Recipient>> FindAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken);
}

/// <summary>One web-push message to one browser subscription.</summary>
public sealed record PushMessage(string Endpoint, string P256dh, string Auth, string Title, string Text, Uri Link, Uri Unsubscribe);

public enum PushOutcome
{
    Sent,

    /// <summary>The push service says the subscription no longer exists (404/410): delete it.</summary>
    Gone,

    /// <summary>
    /// The platform will never send to this subscription (its address is not a permitted push service, or its keys
    /// cannot be encrypted to): delete it.
    /// </summary>
    Rejected,

    /// <summary>This attempt failed (network, push service error); counts towards giving the subscription up.</summary>
    Failed,
}

/// <summary>
/// Port to the rule which push endpoints the platform sends to: an anonymous caller names the address, so only the
/// configured push services on public addresses are allowed (no server-side request forgery).
/// </summary>
public interface IPushEndpointPolicy
{
    bool Allows(string endpoint);
}

/// <summary>Port to the web-push services (VAPID).</summary>
public interface IPushSender
{
    /// <summary>The public VAPID key a browser subscribes with (base64url).</summary>
    string PublicKey { get; }

    Task<PushOutcome> SendAsync(PushMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// What a one-tap unsubscribe link stands for: one kind of message on an account's channel (links of older messages
/// carry no kind and stand for the whole channel), or an anonymous push subscription.
/// </summary>
public sealed record UnsubscribeTarget(Guid? UserId, NotificationChannel Channel, Guid? PushSubscriptionId, NotificationKind? Kind = null);

/// <summary>
/// Port to signed unsubscribe tokens: valid only in the tenant they were made for, unforgeable, no sign-in needed.
/// </summary>
public interface IUnsubscribeTokens
{
    string Create(Guid tenantId, UnsubscribeTarget target);

    /// <summary>The target, or null when the token is forged, damaged or of another tenant.</summary>
    UnsubscribeTarget? Read(Guid tenantId, string token);
}

/// <summary>Port to the job system: tells the followers of a newly published post's topics, once.</summary>
public interface INewPostNotifier
{
    void PostPublished(Guid tenantId, Guid postId);
}
