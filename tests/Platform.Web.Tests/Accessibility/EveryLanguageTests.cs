using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.Web.Resources;
using Platform.Web.Tests.Accounts;

namespace Platform.Web.Tests.Accessibility;

/// <summary>
/// Every page a young person sees, in every UI language but German (issue 14): no German text of the German resource
/// files is left on it (outside what carries <c>lang="de"</c>: the jobcenter's own content and posts), axe-core finds no
/// WCAG 2.1 A/AA violation, and in the right-to-left languages the page reflows to 320 CSS pixels without scrolling
/// sideways. One test per language walks all pages in one browser context and reports every finding at once.
/// </summary>
public sealed partial class EveryLanguageTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    /// <summary>The public pages; "post" is the first post of the feed.</summary>
    private static readonly string[] PublicPages =
    [
        "", "?topic=Wohnen", "post", "kontakt", "barrierefreiheit", "suche?q=Wohnungen", "suche?q=Quarkxylophon",
        "anmelden", "registrieren", "passwort-vergessen", "veranstaltungen", "veranstaltungen?ansicht=kalender",
        "themen-abonnieren", "links", "bewerbungsmappe", "video-check", "gibt-es-nicht",
    ];

    /// <summary>The pages of a signed-in young person.</summary>
    private static readonly string[] AccountPages = ["meine-daten", "konto/sicherheit", "erinnerungen", "benachrichtigungen", "merkliste"];

    private static readonly ResourceManager[] Resources =
    [
        new("Platform.Web.Resources.UiText", typeof(UiText).Assembly),
        new("Platform.Web.Resources.ToolsText", typeof(UiText).Assembly),
    ];

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    [InlineData("uk")]
    [InlineData("tr")]
    [InlineData("ru")]
    [InlineData("fa")]
    public async Task Every_page_is_in_the_language_without_german_left_accessible_and_right_to_left_reflowing(string language)
    {
        var rightToLeft = CultureInfo.GetCultureInfo(language).TextInfo.IsRightToLeft;
        var site = App.TenantByHost("gross-gerau");
        var context = await NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE", BypassCSP = true });
        var page = await context.NewPageAsync();
        if (rightToLeft)
        {
            await page.SetViewportSizeAsync(320, 640);
        }

        var german = GermanLeftovers(CultureInfo.GetCultureInfo(language));
        var findings = new List<string>();
        await page.GotoAsync(site.ToString());
        var post = (await page.Locator("ul.feed article h2 a").First.GetAttributeAsync("href"))!;

        // The check sees German where there is German: on the German feed it finds the page's own words.
        var germanFeed = await UiTextAsync(page, "de");
        Assert.True(german.Count(g => germanFeed.Contains(g, StringComparison.Ordinal)) >= 3, "The German phrases are not found on the German feed.");
        foreach (var path in PublicPages)
        {
            await CheckAsync(page, new Uri(site, path == "post" ? post : path), language, rightToLeft, german, findings);
        }

        await SignInPage.SignInAsync(page, site, "jana@gross-gerau.example");
        foreach (var path in AccountPages)
        {
            await CheckAsync(page, new Uri(site, path), language, rightToLeft, german, findings);
        }

        Assert.True(findings.Count == 0, $"{findings.Count} findings in {language}:\n{string.Join("\n", findings)}");
    }

    private static async Task CheckAsync(IPage page, Uri address, string language, bool rightToLeft, IReadOnlyList<string> german, List<string> findings)
    {
        var url = address + (address.Query.Length > 0 ? "&" : "?") + "culture=" + language;
        await page.GotoAsync(url);
        var where = address.PathAndQuery;
        if (await page.Locator("html").GetAttributeAsync("lang") != language)
        {
            findings.Add($"{where}: <html lang> is not {language}");
        }

        var text = await UiTextAsync(page, language);
        findings.AddRange(german.Where(g => text.Contains(g, StringComparison.Ordinal)).Select(g => $"{where}: German left: „{g}“"));

        if (rightToLeft && await PageLayout.SidewaysOverflowAsync(page) is { } overflow)
        {
            findings.Add($"{where}: {overflow}");
        }

        try
        {
            await AxeTests.AssertNoViolationsAsync(page);
        }
        catch (Xunit.Sdk.TrueException violations)
        {
            findings.Add($"{where}: {violations.Message}");
        }
    }

    /// <summary>The page's text and labels in <paramref name="language"/>: what carries another <c>lang</c> is left out.</summary>
    private static Task<string> UiTextAsync(IPage page, string language) =>
        page.EvaluateAsync<string>(
            """
            (ui) => {
              const clone = document.body.cloneNode(true);
              clone.querySelectorAll('script, style, template').forEach(e => e.remove());
              clone.querySelectorAll('[lang]').forEach(e => { if (!e.getAttribute('lang').startsWith(ui)) e.remove(); });
              const attributes = [...clone.querySelectorAll('*')]
                .map(e => ['aria-label', 'placeholder', 'title', 'alt'].map(a => e.getAttribute(a) || '').join(' '));
              return (clone.textContent + ' ' + attributes.join(' ')).replace(/\s+/g, ' ');
            }
            """,
            language);

    /// <summary>
    /// The German texts that must not show in <paramref name="culture"/>: each phrase (two words or more, at least 12
    /// characters, split at placeholders) of a German value that the language translates, that is, does not keep.
    /// </summary>
    private static List<string> GermanLeftovers(CultureInfo culture)
    {
        var phrases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resources in Resources)
        {
            var set = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
                ?? throw new InvalidOperationException("The German resources are missing.");
            foreach (DictionaryEntry entry in set)
            {
                if (entry.Value is not string value || resources.GetString((string)entry.Key, culture) == value)
                {
                    continue;
                }

                foreach (var phrase in Placeholder().Split(value).Select(p => p.Trim()).Where(p => p.Length >= 12 && p.Contains(' ', StringComparison.Ordinal)))
                {
                    phrases.Add(phrase);
                }
            }
        }

        return [.. phrases];
    }

    [GeneratedRegex(@"\{\d+(?:,-?\d+)?(?::[^}]*)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
