namespace Platform.Application.Accounts;

/// <summary>
/// Port to the account e-mails: queues them for an account of the current tenant and returns at once. A job creates
/// the code, writes the e-mail and sends it, retrying while the mail server is down.
/// </summary>
public interface IAccountEmailQueue
{
    /// <summary>
    /// Queues the mail with the confirmation link: the web page <see cref="AccountPages.ConfirmEmail"/> of this tenant
    /// (<see cref="Common.ITenantLinks"/>) with the account id and code added. Nothing is sent if the address is
    /// confirmed by then.
    /// </summary>
    void EnqueueConfirmation(Guid accountId);

    /// <summary>
    /// Queues the mail with a password reset code and a link to the web page <see cref="AccountPages.ResetPassword"/> of
    /// this tenant with address and code filled in; nothing is sent unless the address is confirmed.
    /// </summary>
    void EnqueuePasswordReset(Guid accountId);

    /// <summary>
    /// Queues the mail to the owner of a confirmed account whose address someone tried to register again: "you have an
    /// account already", with links to this tenant's pages <see cref="AccountPages.SignIn"/> and
    /// <see cref="AccountPages.ResetPassword"/> (address and a fresh code filled in).
    /// </summary>
    void EnqueueAlreadyRegistered(Guid accountId);
}
