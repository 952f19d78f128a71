namespace Platform.Application.Reminders;

/// <summary>
/// Port to the rule which push endpoints the platform sends to: an anonymous caller names the address, so only the
/// configured push services on public addresses are allowed (no server-side request forgery).
/// </summary>
public interface IPushEndpointPolicy
{
    bool Allows(string endpoint);
}
