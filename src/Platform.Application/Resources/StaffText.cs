using System.Globalization;
using System.Resources;

namespace Platform.Application.Resources;

/// <summary>
/// The words of the messages to a jobcenter's staff about their work (<c>StaffText.resx</c>, issue 16). German only,
/// like the staff pages.
/// </summary>
public static class StaffText
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de");

    private static readonly ResourceManager Resources = new("Platform.Application.Resources.StaffText", typeof(StaffText).Assembly);

    public static string Get(string key) => Resources.GetString(key, German) ?? key;

    public static string Format(string key, params object?[] args) => string.Format(German, Get(key), args);
}
