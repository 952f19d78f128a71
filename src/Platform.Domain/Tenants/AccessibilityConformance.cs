namespace Platform.Domain.Tenants;

/// <summary>How far the offer meets the accessibility requirements (the three statuses of EU decision 2018/1523).</summary>
public enum AccessibilityConformance
{
    Partial,
    Full,
    None,
}
