namespace Platform.Web.Resources;

/// <summary>
/// The texts of the tools young people use on their own device (Bewerbungsmappe, Video-Check): <c>ToolsText.resx</c>
/// (German in Einfache Sprache, the neutral language) and one file per UI language. Razor components in
/// <c>Components/Tools</c> use the injected <c>L["Key"]</c> (<c>IStringLocalizer&lt;ToolsText&gt;</c>); keys that start with
/// <c>Mappe.Js.</c> or <c>Video.Js.</c> are what the pages' scripts show (ADR-016).
/// </summary>
public sealed class ToolsText
{
    private ToolsText()
    {
    }
}
