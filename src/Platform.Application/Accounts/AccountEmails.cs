using System.Globalization;
using Platform.Application.Common;
using Platform.Application.Resources;

namespace Platform.Application.Accounts;

/// <summary>
/// The e-mails of the account flows, in the tenant's name and in the account's language (<see cref="EmailText"/>). The
/// invitation goes to jobcenter staff who have no account yet, and is German.
/// </summary>
public static class AccountEmails
{
    public static EmailMessage ConfirmEmail(TenantInfo? tenant, string to, string displayName, Uri confirmationLink, TimeSpan validFor, CultureInfo culture)
    {
        var name = tenant?.DisplayName ?? BrandedEmail.PlatformName;
        return BrandedEmail.Compose(tenant, to, EmailText.Format("Confirm.Subject", culture, name),
        [
            new EmailParagraph(EmailText.Format("Email.Greeting", culture, displayName)),
            new EmailParagraph(EmailText.Format("Confirm.Text", culture, name)),
            new EmailButton(EmailText.Get("Confirm.Button", culture), confirmationLink),
            new EmailParagraph(EmailText.Format("Confirm.Validity", culture, Duration(validFor, culture))),
        ], culture);
    }

    public static EmailMessage ResetPassword(TenantInfo? tenant, string to, string displayName, string code, Uri resetLink, TimeSpan validFor, CultureInfo culture)
    {
        var name = tenant?.DisplayName ?? BrandedEmail.PlatformName;
        return BrandedEmail.Compose(tenant, to, EmailText.Format("Reset.Subject", culture, name),
        [
            new EmailParagraph(EmailText.Format("Email.Greeting", culture, displayName)),
            new EmailParagraph(EmailText.Format("Reset.Text", culture, name)),
            new EmailButton(EmailText.Get("Reset.Button", culture), resetLink),
            new EmailParagraph(EmailText.Get("Reset.CodeIntro", culture)),
            new EmailCode(code),
            new EmailParagraph(EmailText.Format("Reset.Validity", culture, Duration(validFor, culture))),
            new EmailParagraph(EmailText.Get("Reset.NotYou", culture)),
        ], culture);
    }

    public static EmailMessage AlreadyRegistered(TenantInfo? tenant, string to, string displayName, Uri signInLink, Uri resetLink, TimeSpan validFor, CultureInfo culture)
    {
        var name = tenant?.DisplayName ?? BrandedEmail.PlatformName;
        return BrandedEmail.Compose(tenant, to, EmailText.Format("Registered.Subject", culture, name),
        [
            new EmailParagraph(EmailText.Format("Email.Greeting", culture, displayName)),
            new EmailParagraph(EmailText.Format("Registered.Text", culture, name)),
            new EmailButton(EmailText.Get("Registered.SignIn", culture), signInLink),
            new EmailParagraph(EmailText.Get("Registered.Forgot", culture)),
            new EmailButton(EmailText.Get("Reset.Button", culture), resetLink),
            new EmailParagraph(EmailText.Format("Registered.Validity", culture, Duration(validFor, culture))),
        ], culture);
    }

    public static EmailMessage Invitation(TenantInfo? tenant, string to, string role, Uri invitationLink, TimeSpan validFor)
    {
        var name = tenant?.DisplayName ?? BrandedEmail.PlatformName;
        return BrandedEmail.Compose(tenant, to, $"Einladung ins Team – {name}",
        [
            new EmailParagraph("Hallo,"),
            new EmailParagraph($"du wurdest eingeladen, bei {name} auf der Jobcenter-Plattform mitzuarbeiten (Rolle: {RoleName(role)})."),
            new EmailButton("Einladung annehmen", invitationLink),
            new EmailParagraph($"Der Link gilt {Duration(validFor)} und nur einmal. Wenn du diese Einladung nicht erwartet hast, lösche diese E-Mail einfach."),
        ]);
    }

    public static string RoleName(string role) => role switch
    {
        Roles.TenantAdmin => "Leitung",
        Roles.Editor => "Redaktion",
        Roles.Reviewer => "Prüfung",
        Roles.NetworkEditor => "Netzwerkredaktion",
        _ => role,
    };

    /// <summary>"24 Stunden", "90 Minuten", "3 Tage"; in German unless another culture is given.</summary>
    public static string Duration(TimeSpan span, CultureInfo? culture = null)
    {
        culture ??= EmailText.Culture(EmailText.DefaultLanguage);
        return span switch
        {
            { TotalMinutes: < 120 } => EmailText.Format("Duration.Minutes", culture, Math.Round(span.TotalMinutes)),
            { TotalHours: <= 48 } => EmailText.Format("Duration.Hours", culture, Math.Round(span.TotalHours)),
            _ => EmailText.Format("Duration.Days", culture, Math.Round(span.TotalDays)),
        };
    }
}
