using Platform.Domain.Common;

namespace Platform.Domain.Events;

/// <summary>
/// One row per event post: the lock that serialises registrations and cancellations of that event on every provider
/// (each starts by updating this row inside its transaction) and the counter that hands out positions.
/// </summary>
public sealed class EventSeats : ITenantOwned
{
    private EventSeats()
    {
    }

    public Guid PostId { get; private set; }

    public Guid TenantId { get; private set; }

    public int LastPosition { get; private set; }

    public static EventSeats For(Guid tenantId, Guid postId) => new() { TenantId = tenantId, PostId = postId };
}
