namespace Platform.Web;

/// <summary>Names of the languages posts are written in, each in its own language (as a reader looks for it).</summary>
public static class LanguageNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["de"] = "Deutsch",
        ["en"] = "English",
        ["ar"] = "العربية",
        ["fa"] = "فارسی",
        ["tr"] = "Türkçe",
        ["uk"] = "Українська",
        ["ru"] = "Русский",
        ["pl"] = "Polski",
        ["ro"] = "Română",
        ["ku"] = "Kurdî",
        ["ti"] = "ትግርኛ",
        ["so"] = "Soomaali",
    };

    public static string Name(string code) => Names.TryGetValue(code, out var name) ? name : code;
}
