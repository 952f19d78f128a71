using System.Collections;
using System.Globalization;
using System.Resources;

namespace Platform.Web.Resources;

/// <summary>
/// The fixed texts of the pages in Leichte Sprache (<c>EasyReadText.resx</c>): German only, as Leichte Sprache is a form
/// of German (BITV 2.0 Annex 2), shown with <c>lang="de"</c> in every UI language. Each text keeps the rules
/// <see cref="Platform.Domain.Posts.EasyReadCheck"/> tests.
/// </summary>
public static class EasyReadText
{
    private static readonly ResourceManager Resources = new("Platform.Web.Resources.EasyReadText", typeof(EasyReadText).Assembly);

    /// <summary>The text for <paramref name="key"/>, always the German one.</summary>
    public static string Get(string key) => Resources.GetString(key, CultureInfo.InvariantCulture) ?? key;

    public static string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.GetCultureInfo("de-DE"), Get(key), args);

    /// <summary>Every text by its key.</summary>
    public static IReadOnlyDictionary<string, string> All()
    {
        var set = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException("EasyReadText.resx is not compiled.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }
}
