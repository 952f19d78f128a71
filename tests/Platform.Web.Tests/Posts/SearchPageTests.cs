using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Posts;

public sealed partial class SearchPageTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    [Theory]
    [InlineData("gross-gerau", TenantAddressing.Host)]
    [InlineData("offenbach", TenantAddressing.PathPrefix)]
    public async Task The_search_box_in_the_header_shows_highlighted_results(string slug, TenantAddressing addressing)
    {
        var site = App.Tenant(slug, addressing);
        await Page.GotoAsync(site.ToString());

        var search = Page.GetByRole(AriaRole.Search).First;
        await search.GetByLabel("Beiträge durchsuchen").FillAsync("Wohnungen");
        await search.GetByLabel("Beiträge durchsuchen").PressAsync("Enter");
        await UntilUrlAsync(Page, SearchFor());

        Assert.StartsWith(site.ToString(), Page.Url, StringComparison.Ordinal);
        await Expect(Page.GetByRole(AriaRole.Searchbox)).ToHaveCountAsync(1);
        await Expect(search.GetByLabel("Beiträge durchsuchen")).ToHaveValueAsync("Wohnungen");
        var results = Page.GetByRole(AriaRole.List, new() { Name = "Suchergebnisse" });
        await Expect(results.Locator("article").First).ToBeVisibleAsync();
        await Expect(results.Locator("mark").First).ToBeVisibleAsync();
        await Expect(results.Locator("h2 a").First).ToContainTextAsync("Wohnung");
        await Expect(Page.Locator("main").GetByRole(AriaRole.Status)).ToContainTextAsync("Treffer für „Wohnungen“");

        await results.Locator("h2 a").First.ClickAsync();
        await UntilUrlAsync(Page, PostPage());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Wohnung");
    }

    [Fact]
    public async Task Nonsense_and_empty_searches_get_a_friendly_answer()
    {
        var site = App.TenantByHost("gross-gerau");

        await Page.GotoAsync(new Uri(site, "suche?q=%22%29%28*NEAR%20-").ToString());
        await Expect(Page.Locator("main")).ToContainTextAsync("Oder stöbere in einem Thema");
        await Page.GotoAsync(new Uri(site, "suche?q=Quarkxylophon").ToString());
        await Expect(Page.Locator("main").GetByRole(AriaRole.Status)).ToContainTextAsync("nichts gefunden");
        await Page.GotoAsync(new Uri(site, "suche?q=" + new string('x', 250)).ToString());
        await Expect(Page.Locator("main").GetByRole(AriaRole.Alert)).ToContainTextAsync("höchstens 200 Zeichen");
    }

    [GeneratedRegex(@"/suche\?q=Wohnungen$")]
    private static partial Regex SearchFor();

    [GeneratedRegex(@"/posts/[0-9a-f-]{36}$")]
    private static partial Regex PostPage();
}
