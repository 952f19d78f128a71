namespace Platform.Domain.Tenants;

/// <summary>
/// The legal texts a jobcenter keeps on the platform: Impressum and Datenschutzerklärung (used where the jobcenter
/// does not link its own pages) and the details of its accessibility statement (BITV 2.0 / HVBIT). Plain text,
/// paragraphs at blank lines.
/// </summary>
public sealed record TenantLegalTexts
{
    public const int MaxTextLength = 20_000;

    public string Imprint { get; init; } = "";

    public string Privacy { get; init; } = "";

    public AccessibilityStatementDetails Accessibility { get; init; } = new();
}
