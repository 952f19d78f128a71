using System.Globalization;
using System.Resources;
using Platform.Domain.Common;

namespace Platform.Application.Resources;

/// <summary>
/// The texts of the e-mails (<c>EmailText.resx</c>, German, and one file per UI language), looked up in the language of
/// the person the mail goes to, not in the culture of whatever thread sends it (mails go out from jobs).
/// </summary>
public static class EmailText
{
    public const string DefaultLanguage = PlatformLanguages.Default;

    /// <summary>The languages the e-mails are written in: those of the user interface.</summary>
    public static IReadOnlyList<string> Languages => PlatformLanguages.Codes;

    private static readonly ResourceManager Resources = new("Platform.Application.Resources.EmailText", typeof(EmailText).Assembly);

    /// <summary>"ar", "en-GB" or "uk" to one of <see cref="Languages"/>; anything else (none, "fr") to German.</summary>
    public static string Normalize(string? language)
    {
        var code = language?.Split('-')[0].Trim().ToLowerInvariant();
        return code is not null && Languages.Contains(code, StringComparer.Ordinal) ? code : DefaultLanguage;
    }

    /// <summary>The culture of <paramref name="language"/> after <see cref="Normalize"/>.</summary>
    public static CultureInfo Culture(string? language) => CultureInfo.GetCultureInfo(Normalize(language));

    /// <summary>The language of the request or job that runs now, as <see cref="Normalize"/> gives it.</summary>
    public static string Current() => Normalize(CultureInfo.CurrentUICulture.Name);

    public static string Get(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;

    public static string Format(string key, CultureInfo culture, params object?[] args) => string.Format(culture, Get(key, culture), args);
}
