namespace Platform.Domain.Tenants;

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
