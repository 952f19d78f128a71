using System.Globalization;
using Platform.Application.Common;

namespace Platform.Application.Accounts;

/// <summary>The e-mails of the account flows, in German and in the tenant's name.</summary>
public static class AccountEmails
{
    public static EmailMessage ConfirmEmail(TenantInfo? tenant, string to, string displayName, Uri confirmationLink, TimeSpan validFor)
    {
        var name = tenant?.DisplayName ?? BrandedEmail.PlatformName;
        return BrandedEmail.Compose(tenant, to, $"Bitte bestätige deine E-Mail-Adresse – {name}",
        [
            new EmailParagraph($"Hallo {displayName},"),
            new EmailParagraph($"du hast ein Konto bei {name} angelegt. Bitte bestätige deine E-Mail-Adresse, damit du dich anmelden kannst."),
            new EmailButton("E-Mail-Adresse bestätigen", confirmationLink),
            new EmailParagraph($"Der Link gilt {Duration(validFor)}. Wenn du kein Konto angelegt hast, kannst du diese E-Mail einfach löschen."),
        ]);
    }

    public static EmailMessage ResetPassword(TenantInfo? tenant, string to, string displayName, string code, Uri resetLink, TimeSpan validFor)
    {
        var name = tenant?.DisplayName ?? BrandedEmail.PlatformName;
        return BrandedEmail.Compose(tenant, to, $"Dein Code für ein neues Passwort – {name}",
        [
            new EmailParagraph($"Hallo {displayName},"),
            new EmailParagraph($"jemand – hoffentlich du – möchte das Passwort für dein Konto bei {name} neu setzen. Das geht über diesen Link:"),
            new EmailButton("Neues Passwort setzen", resetLink),
            new EmailParagraph("Oder gib diesen Code zusammen mit deinem neuen Passwort ein:"),
            new EmailCode(code),
            new EmailParagraph($"Link und Code gelten {Duration(validFor)} und nur einmal."),
            new EmailParagraph("Wenn du das nicht warst, lösche diese E-Mail einfach. Dein Passwort bleibt dann, wie es ist."),
        ]);
    }

    public static EmailMessage AlreadyRegistered(TenantInfo? tenant, string to, string displayName, Uri signInLink, Uri resetLink, TimeSpan validFor)
    {
        var name = tenant?.DisplayName ?? BrandedEmail.PlatformName;
        return BrandedEmail.Compose(tenant, to, $"Du hast schon ein Konto – {name}",
        [
            new EmailParagraph($"Hallo {displayName},"),
            new EmailParagraph($"jemand – hoffentlich du – wollte mit deiner E-Mail-Adresse ein Konto bei {name} anlegen. Du hast dort schon eins; ein zweites gibt es nicht."),
            new EmailButton("Anmelden", signInLink),
            new EmailParagraph("Passwort vergessen? Hier kannst du ein neues setzen:"),
            new EmailButton("Neues Passwort setzen", resetLink),
            new EmailParagraph($"Der Link gilt {Duration(validFor)} und nur einmal. Wenn du das nicht warst, lösche diese E-Mail einfach. An deinem Konto hat sich nichts geändert."),
        ]);
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

    /// <summary>"24 Stunden", "90 Minuten", "3 Tage".</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalMinutes: < 120 } => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(span.TotalMinutes)} Minuten"),
        { TotalHours: <= 48 } => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(span.TotalHours)} Stunden"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(span.TotalDays)} Tage"),
    };
}
