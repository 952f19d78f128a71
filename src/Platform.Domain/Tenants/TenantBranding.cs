namespace Platform.Domain.Tenants;

/// <summary>How a tenant looks: colours as #rrggbb, a short logo text until logos can be uploaded.</summary>
public sealed record TenantBranding
{
    public string PrimaryColor { get; init; } = "#1d4ed8";

    public string AccentColor { get; init; } = "#b45309";

    public string LogoText { get; init; } = "";

    /// <summary>A logo image was uploaded (served from the database); otherwise the logo text is shown.</summary>
    public bool HasLogo { get; init; }

    /// <summary>Bumped on every change so that the per-tenant stylesheet can be cached by version.</summary>
    public int Version { get; init; } = 1;
}

public sealed record TenantContact
{
    public string Phone { get; init; } = "";

    public string Email { get; init; } = "";

    public string Address { get; init; } = "";

    public string OpeningHours { get; init; } = "";

    public string AppointmentUrl { get; init; } = "";
}

/// <summary>
/// Links and texts every jobcenter must publish: imprint and privacy notice (its own page, or a text kept on the
/// platform), accessibility statement.
/// </summary>
public sealed record TenantLinks
{
    public string ImprintUrl { get; init; } = "";

    public string PrivacyUrl { get; init; } = "";

    public string OnlineApplicationUrl { get; init; } = "";

    public TenantLegalTexts Texts { get; init; } = new();

    /// <summary>An Impressum exists: the jobcenter's own page or a text on the platform.</summary>
    public bool HasImprint => ImprintUrl.Length > 0 || Texts.Imprint.Length > 0;

    /// <summary>A Datenschutzerklärung exists: the jobcenter's own page or a text on the platform.</summary>
    public bool HasPrivacy => PrivacyUrl.Length > 0 || Texts.Privacy.Length > 0;
}
