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
    Task<IReadOnlyDictionary<string, string[]>> RegisterAsync(NewAccount account, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffMember>> ListStaffAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the staff role of an account of the current tenant; false when there is no such account.</summary>
    Task<bool> SetStaffRoleAsync(Guid accountId, string role, CancellationToken cancellationToken);

    /// <summary>Deletes an account of the current tenant with everything Identity holds about it.</summary>
    Task<bool> DeleteAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>Whether the account signs in with a password (false for an account with passkeys only).</summary>
    Task<bool> HasPasswordAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="password"/> is the account's password (for confirming a destructive step).</summary>
    Task<bool> CheckPasswordAsync(Guid accountId, string password, CancellationToken cancellationToken);

    Task<AccountData?> GetDataAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>Records that the person confirmed being 16 or older (once: a later call keeps the first time).</summary>
    Task<bool> ConfirmAtLeast16Async(Guid accountId, DateTime at, CancellationToken cancellationToken);

    /// <summary>The language the account's e-mails and messages are written in (one of the UI languages; else German).</summary>
    Task SetLanguageAsync(Guid accountId, string language, CancellationToken cancellationToken);
}
