namespace Platform.Application.Reminders;

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
