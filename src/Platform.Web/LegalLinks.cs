using Platform.Application.Common;

namespace Platform.Web;

/// <summary>
/// Where a tenant's Impressum and Datenschutzerklärung are: the jobcenter's own page when it names one, otherwise the
/// platform's page (<c>impressum</c>, <c>datenschutz</c>) with the text kept in Verwaltung (ADR-019).
/// </summary>
public static class LegalLinks
{
    public const string ImprintPath = "impressum";

    public const string PrivacyPath = "datenschutz";

    public static string ImprintHref(TenantInfo tenant) => tenant.Links.ImprintUrl.Length > 0 ? tenant.Links.ImprintUrl : ImprintPath;

    public static string PrivacyHref(TenantInfo tenant) => tenant.Links.PrivacyUrl.Length > 0 ? tenant.Links.PrivacyUrl : PrivacyPath;

    /// <summary>A link that leaves the platform opens without handing over the opener.</summary>
    public static string? Rel(string href) => href.StartsWith("https://", StringComparison.Ordinal) ? "noopener" : null;

    /// <summary>Plain text from the administration as paragraphs: split at blank lines, lines kept (every character is encoded by Razor).</summary>
    public static IReadOnlyList<string[]> Paragraphs(string text) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('\n', StringSplitOptions.TrimEntries))];
}
