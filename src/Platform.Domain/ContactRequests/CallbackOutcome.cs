namespace Platform.Domain.ContactRequests;

/// <summary>What staff noted after a booked callback.</summary>
public enum CallbackOutcome
{
    /// <summary>Not yet noted.</summary>
    Open = 0,

    /// <summary>Called and reached: erledigt.</summary>
    Reached = 1,

    /// <summary>Called, nobody answered: nicht erreicht.</summary>
    NotReached = 2,
}
