namespace Platform.Web;

/// <summary>
/// What the accessibility statement says where the jobcenter has not written its own (ADR-019): the date the
/// platform's statement was last assessed and the Hessian enforcement body. Both can be replaced in Verwaltung.
/// </summary>
public static class AccessibilityDefaults
{
    /// <summary>When the platform's own assessment (axe-core, Nu Html Checker, keyboard and screen reader) was last done.</summary>
    public static readonly DateOnly PreparedOn = new(2026, 12, 3);

    /// <summary>
    /// The enforcement and ombuds body for Hessian public bodies (§ 14 HessBGG / HVBIT); a proper name and an address,
    /// so German on every page.
    /// </summary>
    public const string EnforcementBody = """
        Durchsetzungs- und Ombudsstelle für barrierefreie Informationstechnik
        Landesbeauftragte für barrierefreie IT
        Hessisches Ministerium für Soziales und Integration
        Sonnenberger Straße 2/2a
        65193 Wiesbaden
        """;
}
