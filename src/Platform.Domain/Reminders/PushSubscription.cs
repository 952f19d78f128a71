using Platform.Domain.Common;

namespace Platform.Domain.Reminders;

/// <summary>
/// A browser's web-push subscription: of an account (reminders), or anonymous for followed topics, identified only by
/// its opaque id, which the person can use to delete it.
/// </summary>
public sealed class PushSubscription : ITenantOwned
{
    public const int MaxEndpointLength = 1000;

    /// <summary>Delivery passes in a row that may fail before the subscription is given up (as often as a message is tried).</summary>
    public const int MaxFailedAttempts = ReminderDelivery.MaxAttempts;

    private PushSubscription()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid? UserId { get; private set; }

    public string Endpoint { get; private set; } = "";

    public string P256dh { get; private set; } = "";

    public string Auth { get; private set; } = "";

    /// <summary>The topics an anonymous subscription follows (flags of <c>Platform.Domain.Posts.Topics</c>).</summary>
    public int Topics { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Delivery passes in a row in which the push service could not be reached or refused; reset by a success.</summary>
    public int FailedAttempts { get; private set; }

    /// <summary>The language the messages of an anonymous subscription are written in (an account's own language wins).</summary>
    public string Language { get; private set; } = "de";

    public static PushSubscription Create(Guid tenantId, Guid? userId, string endpoint, string p256dh, string auth, int topics, DateTime now, string language)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new DomainException("push.endpoint", "Die Push-Adresse ist keine gültige Adresse.");
        }

        return new PushSubscription
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            UserId = userId,
            Endpoint = endpoint,
            P256dh = p256dh,
            Auth = auth,
            Topics = topics,
            CreatedAt = now,
            Language = language,
        };
    }

    public void Follow(int topics) => Topics = topics;

    public void Delivered() => FailedAttempts = 0;

    /// <summary>Counts a failed delivery pass; true when the subscription has failed too often and is to be given up.</summary>
    public bool Failed()
    {
        FailedAttempts++;
        return FailedAttempts >= MaxFailedAttempts;
    }
}
