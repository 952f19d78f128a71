using Platform.Application.Resources;

namespace Platform.Application.Accounts;

/// <summary>Everything the account store holds about a person, for "Meine Daten".</summary>
/// <remarks>
/// <para><paramref name="Language"/>: the language of the person's e-mails (<see cref="EmailText.Languages"/>).</para>
/// <para><paramref name="Claims"/>: claims stored with the account (<c>type: value</c>).</para>
/// <para>
/// <paramref name="SecurityTokens"/>: the names of the stored security tokens (authenticator key, recovery codes); their values are secrets and stay out.
/// </para>
/// </remarks>
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
    bool HasPassword,
    string Language = EmailText.DefaultLanguage);
