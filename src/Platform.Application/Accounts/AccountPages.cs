namespace Platform.Application.Accounts;

/// <summary>
/// Addresses of the web pages that account e-mails link to, relative to the tenant's base (host or <c>/t/{slug}/</c>).
/// The API builds the same links, so a mail always sends people to a page, never to raw JSON.
/// </summary>
public static class AccountPages
{
    public const string ConfirmEmail = "email-bestaetigen";
    public const string ResetPassword = "passwort-neu";
    public const string ForgotPassword = "passwort-vergessen";
    public const string ResendConfirmation = "bestaetigung-senden";
    public const string SignIn = "anmelden";
    public const string SecondFactor = "anmelden/zweiter-faktor";
    public const string Security = "konto/sicherheit";

    /// <summary>The rate-limit policy on the form posts of these pages (the host defines it with the API's sign-in limit).</summary>
    public const string FormRateLimit = "account-forms";
}
