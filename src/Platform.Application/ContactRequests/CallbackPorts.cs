namespace Platform.Application.ContactRequests;

/// <summary>
/// Port to the signed cancel links of booked callbacks: valid only in the tenant they were made for, unguessable,
/// no sign-in needed (the same Data Protection approach as the unsubscribe links).
/// </summary>
public interface ICallbackCancelTokens
{
    string Create(Guid tenantId, Guid bookingId);

    /// <summary>The booking's id, or null when the token is forged, damaged or of another tenant.</summary>
    Guid? Read(Guid tenantId, string token);
}

/// <summary>Port: queues the confirmation e-mail (with the .ics) of a stored booking of the current tenant; a job sends it.</summary>
public interface ICallbackConfirmationQueue
{
    void Enqueue(Guid bookingId);
}
