namespace Platform.Domain.ContactRequests;

/// <summary>What a young person asks for with the contact form.</summary>
public enum ContactRequestType
{
    /// <summary>A question; the answer goes to the e-mail address or phone number given.</summary>
    Question = 0,

    /// <summary>Please call me back: needs a phone number.</summary>
    Callback = 1,

    /// <summary>Feedback on the accessibility statement page ("Barriere melden"); a way to reply is optional.</summary>
    Barrier = 2,
}
