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
