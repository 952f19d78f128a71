namespace Platform.Application.Accounts;

/// <summary>
/// Port for e-mail confirmation and password reset (ASP.NET Core Identity), inside the current tenant. The requests
/// answer the same whether or not an account exists: only the owner of the address learns anything, by mail.
/// </summary>
public interface IAccountRecovery
{
    /// <summary>Queues a new confirmation link if the address has an unconfirmed account.</summary>
    Task RequestConfirmationAsync(string email);

    /// <summary>Queues a reset link if the address has a confirmed account.</summary>
    Task RequestPasswordResetAsync(string email);

    /// <summary>Confirms the address with the code from the link; false for a wrong, expired or foreign link.</summary>
    Task<bool> ConfirmEmailAsync(string? userId, string? code);

    /// <summary>
    /// Sets a new password with the mailed code. Errors are keyed by field (<c>code</c>, <c>newPassword</c>); an unknown
    /// address gets the answer of a wrong code. Empty means done.
    /// </summary>
    Task<IReadOnlyDictionary<string, string[]>> ResetPasswordAsync(string email, string code, string newPassword);
}
