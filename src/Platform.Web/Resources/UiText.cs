using System.Globalization;
using System.Resources;

namespace Platform.Web.Resources;

/// <summary>
/// The texts of the user interface: <c>UiText.resx</c> (German, the neutral and default language) and one
/// <c>UiText.xx.resx</c> per language of <see cref="UiCultures.Languages"/>, each complete (ResourceCompletenessTests).
/// Razor components use the injected <c>T["Key"]</c> (<c>IStringLocalizer&lt;UiText&gt;</c>, see _Imports.razor); plain
/// C# helpers use <see cref="Get"/> (ADR-016).
/// </summary>
public sealed class UiText
{
    private static readonly ResourceManager Resources = new("Platform.Web.Resources.UiText", typeof(UiText).Assembly);

    private UiText()
    {
    }

    /// <summary>The text for <paramref name="key"/> in the current UI culture (falls back to German, then to the key).</summary>
    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    /// <summary>The text for <paramref name="key"/> in <paramref name="culture"/>, for what is built outside a request's culture.</summary>
    public static string InCulture(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;

    /// <summary>A text with placeholders ({0}, {1} …) filled in the current culture.</summary>
    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Get(key), args);
}
