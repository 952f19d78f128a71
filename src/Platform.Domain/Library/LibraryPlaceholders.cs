using System.Text.RegularExpressions;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Domain.Library;

/// <summary>
/// The placeholders a library text may hold, each filled from the adopting jobcenter's own data, for example
/// <c>{{Jobcenter.Telefon}}</c>. Any other <c>{{…}}</c> is refused when the text is saved.
/// </summary>
public static partial class LibraryPlaceholders
{
    public static IReadOnlyList<string> Known { get; } =
        ["Jobcenter.Name", "Jobcenter.Telefon", "Jobcenter.EMail", "Jobcenter.Adresse", "Jobcenter.Terminbuchung", "Jobcenter.Onlineantrag"];

    /// <summary>The placeholders in <paramref name="text"/> that are not known, as written.</summary>
    public static IReadOnlyList<string> Unknown(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : [.. Pattern().Matches(text).Select(m => m.Groups[1].Value.Trim()).Where(name => !Known.Contains(name, StringComparer.Ordinal)).Distinct()];

    public static IReadOnlyDictionary<string, string> ValuesOf(Tenant tenant) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Jobcenter.Name"] = tenant.DisplayName,
        ["Jobcenter.Telefon"] = tenant.Contact.Phone,
        ["Jobcenter.EMail"] = tenant.Contact.Email,
        ["Jobcenter.Adresse"] = tenant.Contact.Address,
        ["Jobcenter.Terminbuchung"] = tenant.Contact.AppointmentUrl,
        ["Jobcenter.Onlineantrag"] = tenant.Links.OnlineApplicationUrl,
    };

    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Pattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value.Trim(), out var value) ? value : m.Value);

    /// <summary>A library version as this jobcenter's post content, placeholders filled.</summary>
    public static PostContent Fill(PostContent content, IReadOnlyDictionary<string, string> values)
    {
        string? Opt(string? text, int max) => FillOptional(text, max, values);
        return content with
        {
            Title = Clip(Fill(content.Title, values), 200),
            Summary = Clip(Fill(content.Summary, values), 500),
            BodyMarkdown = Fill(content.BodyMarkdown, values),
            EasyTitle = Opt(content.EasyTitle, 200),
            EasySummary = Opt(content.EasySummary, 500),
            EasyBodyMarkdown = content.EasyBodyMarkdown is null ? null : Fill(content.EasyBodyMarkdown, values),
            EasyReadTitle = Opt(content.EasyReadTitle, 200),
            EasyReadSummary = Opt(content.EasyReadSummary, 500),
            EasyReadBodyMarkdown = content.EasyReadBodyMarkdown is null ? null : Fill(content.EasyReadBodyMarkdown, values),
            CallToActionLabel = Opt(content.CallToActionLabel, 80),
            CallToActionUrl = content.CallToActionUrl is null ? null : Fill(content.CallToActionUrl, values),
            EventPlace = Opt(content.EventPlace, 300),
            EventOnlineUrl = content.EventOnlineUrl is null ? null : Fill(content.EventOnlineUrl, values),
        };
    }

    /// <summary>A library translation as this jobcenter's, placeholders filled (and trimmed, as a translation is stored).</summary>
    public static TranslationText Fill(TranslationText text, IReadOnlyDictionary<string, string> values)
    {
        string? Opt(string? value, int max) => FillOptional(value, max, values);
        return (text with
        {
            Title = Clip(Fill(text.Title, values), 200),
            Summary = Clip(Fill(text.Summary, values), 500),
            BodyMarkdown = Fill(text.BodyMarkdown, values),
            EasyTitle = Opt(text.EasyTitle, 200),
            EasySummary = Opt(text.EasySummary, 500),
            EasyBodyMarkdown = text.EasyBodyMarkdown is null ? null : Fill(text.EasyBodyMarkdown, values),
        }).Normalized();
    }

    /// <summary>Every translation of a library version, placeholders filled.</summary>
    public static IReadOnlyDictionary<string, TranslationText> Fill(IReadOnlyDictionary<string, TranslationText> translations, IReadOnlyDictionary<string, string> values) =>
        new SortedDictionary<string, TranslationText>(translations.ToDictionary(t => t.Key, t => Fill(t.Value, values)), StringComparer.Ordinal);

    // A long jobcenter name must not push a title or summary past what a post may hold.
    private static string Clip(string text, int max) => text.Length > max ? text[..max] : text;

    private static string? FillOptional(string? text, int max, IReadOnlyDictionary<string, string> values) =>
        text is null ? null : Clip(Fill(text, values), max);

    [GeneratedRegex(@"\{\{([^{}]*)\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
