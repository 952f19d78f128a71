namespace Platform.Domain.Tenants;

/// <summary>
/// The parts of the accessibility statement that only the jobcenter can know; empty texts fall back to the platform's
/// defaults on the statement page.
/// </summary>
public sealed record AccessibilityStatementDetails
{
    public AccessibilityConformance Conformance { get; init; } = AccessibilityConformance.Partial;

    /// <summary>Content that is not accessible, with the reason for each (one paragraph per item); empty: the platform's known gaps.</summary>
    public string NonAccessibleContent { get; init; } = "";

    /// <summary>When the statement was prepared; null: the platform's own release date of the statement.</summary>
    public DateOnly? PreparedOn { get; init; }

    /// <summary>When it was last reviewed, if ever.</summary>
    public DateOnly? ReviewedOn { get; init; }

    /// <summary>How the conformance was assessed (self-assessment, test by a third party …); empty: self-assessment.</summary>
    public string Method { get; init; } = "";

    /// <summary>The enforcement body with its address; empty: the Hessian body as the platform names it.</summary>
    public string EnforcementBody { get; init; } = "";

    /// <summary>Anything else the jobcenter wants to say (the free text of the earlier statement).</summary>
    public string Notes { get; init; } = "";
}
