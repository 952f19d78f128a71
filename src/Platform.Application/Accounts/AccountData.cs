namespace Platform.Application.Accounts;

/// <summary>Everything the account store holds about a person, for "Meine Daten".</summary>
/// <param name="Claims">Claims stored with the account (<c>type: value</c>).</param>
/// <param name="SecurityTokens">
/// The names of the stored security tokens (authenticator key, recovery codes); their values are secrets and stay out.
/// </param>
public sealed record AccountData(
    Guid Id,
    string Email,
    bool EmailConfirmed,
    string DisplayName,
    bool ConfirmedAtLeast16,
    DateTime? ConfirmedAtLeast16At,
    DateTime CreatedAt,
    IReadOnlyList<string> Roles,
    bool TwoFactorEnabled,
    int PasskeyCount,
    IReadOnlyList<string> ExternalLogins,
    IReadOnlyList<string> Claims,
    IReadOnlyList<string> SecurityTokens,
    bool HasPassword);
