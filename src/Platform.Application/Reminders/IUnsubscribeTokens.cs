namespace Platform.Application.Reminders;

/// <summary>
/// Port to signed unsubscribe tokens: valid only in the tenant they were made for, unforgeable, no sign-in needed.
/// </summary>
public interface IUnsubscribeTokens
{
    string Create(Guid tenantId, UnsubscribeTarget target);

    /// <summary>The target, or null when the token is forged, damaged or of another tenant.</summary>
    UnsubscribeTarget? Read(Guid tenantId, string token);
}
