using Platform.Domain.Common;

namespace Platform.Domain.Events;

/// <summary>
/// A young person's sign-up for an event post. While the event has seats it is <see cref="RegistrationStatus.Confirmed"/>,
/// otherwise it waits; <see cref="Position"/> is the order in which people registered (the waiting list's order).
/// </summary>
public sealed class EventRegistration : ITenantOwned
{
    private EventRegistration()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid PostId { get; private set; }

    public Guid UserId { get; private set; }

    public RegistrationStatus Status { get; private set; }

    /// <summary>Ascending per event, from <see cref="EventSeats.LastPosition"/>: who came first.</summary>
    public int Position { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>When the person moved up from the waiting list, if they did.</summary>
    public DateTime? PromotedAt { get; private set; }

    public bool IsActive => Status != RegistrationStatus.Cancelled;

    public static EventRegistration Create(Guid tenantId, Guid postId, Guid userId, bool seatFree, int position, DateTime now)
    {
        if (tenantId == Guid.Empty || postId == Guid.Empty || userId == Guid.Empty)
        {
            throw new DomainException("event.registration", "A registration needs a tenant, an event and a person.");
        }

        return new EventRegistration
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            PostId = postId,
            UserId = userId,
            Status = seatFree ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted,
            Position = position,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Registers again after a cancellation: at the end of the line.</summary>
    public void Renew(bool seatFree, int position, DateTime now)
    {
        Status = seatFree ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted;
        Position = position;
        PromotedAt = null;
        UpdatedAt = now;
    }

    public void Cancel(DateTime now)
    {
        Status = RegistrationStatus.Cancelled;
        UpdatedAt = now;
    }

    /// <summary>A seat became free: the first waiting person gets it.</summary>
    public void Promote(DateTime now)
    {
        if (Status != RegistrationStatus.Waitlisted)
        {
            throw new DomainException("event.promote", "Only a waiting registration moves up.");
        }

        Status = RegistrationStatus.Confirmed;
        PromotedAt = now;
        UpdatedAt = now;
    }
}
