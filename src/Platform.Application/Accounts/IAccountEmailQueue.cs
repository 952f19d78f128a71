namespace Platform.Application.Accounts;

/// <summary>
/// Port to the account e-mails: queues them for an account of the current tenant and returns at once. A job creates
/// the code, writes the e-mail and sends it, retrying while the mail server is down.
/// </summary>
public interface IAccountEmailQueue
{
    /// <summary>
    /// Queues the mail with the confirmation link: <paramref name="confirmEmailUrl"/> (the absolute address of the
    /// web page <see cref="AccountPages.ConfirmEmail"/> in this tenant) with the account id and code added. Nothing is sent if the
    /// address is confirmed by then.
    /// </summary>
    void EnqueueConfirmation(Guid accountId, Uri confirmEmailUrl);

    /// <summary>
    /// Queues the mail with a password reset code and a link to <paramref name="resetPasswordUrl"/> (the web page
    /// <see cref="AccountPages.ResetPassword"/> of this tenant) with address and code filled in; nothing is sent unless
    /// the address is confirmed.
    /// </summary>
    void EnqueuePasswordReset(Guid accountId, Uri resetPasswordUrl);
}
