namespace Platform.Application.Accounts;

/// <summary>Port to the account store (ASP.NET Core Identity), always inside the current tenant.</summary>
public interface IAccountService
{
    /// <summary>Creates an account with a password and optional role; errors are keyed by field name.</summary>
    Task<AccountResult> CreateAsync(NewAccount account, CancellationToken cancellationToken);

    /// <summary>
    /// Self-registration (API and web page) with the same answer whether or not the address has an account already
    /// (ADR-020): input errors keyed by field, or none. A new account gets the confirmation mail; the owner of an
    /// existing account gets a mail saying so, with a link to set a new password (or, unconfirmed, a new confirmation
    /// link), and nothing is created or changed.
    /// </summary>
    Task<IReadOnlyDictionary<string, string[]>> RegisterAsync(NewAccount account, RegistrationLinks links, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffMember>> ListStaffAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the staff role of an account of the current tenant; false when there is no such account.</summary>
    Task<bool> SetStaffRoleAsync(Guid accountId, string role, CancellationToken cancellationToken);

    /// <summary>Deletes an account of the current tenant with everything Identity holds about it.</summary>
    Task<bool> DeleteAsync(Guid accountId, CancellationToken cancellationToken);

    Task<AccountData?> GetDataAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>Records that the person confirmed being 16 or older (once: a later call keeps the first time).</summary>
    Task<bool> ConfirmAtLeast16Async(Guid accountId, DateTime at, CancellationToken cancellationToken);
}

public sealed record NewAccount(string Email, string Password, string DisplayName, bool ConfirmedAtLeast16, bool EmailConfirmed, string? Role);

/// <summary>The absolute addresses of this tenant's pages that the registration mails link to.</summary>
public sealed record RegistrationLinks(Uri ConfirmEmailPage, Uri SignInPage, Uri ResetPasswordPage);

public sealed record AccountResult(Guid? Id, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Id is not null;
}

public sealed record StaffMember(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>Everything the account store holds about a person, for "Meine Daten".</summary>
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
    IReadOnlyList<string> ExternalLogins);
