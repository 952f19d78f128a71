using Microsoft.Playwright;
using Platform.Web.Tests.Accounts;
using static Microsoft.Playwright.Assertions;
using static Platform.TestSupport.Eventually;

namespace Platform.Web.Tests.Tenants;

/// <summary>
/// The widget (<c>/einbetten</c>) in a frame on the jobcenter's own website, here a page on a second loopback origin
/// (ADR-027): Chromium shows it once a TenantAdmin has listed that website on <c>verwaltung</c>, refuses it before,
/// and refuses every other page of the platform to that website even then (<c>frame-ancestors 'none'</c>).
/// </summary>
public sealed class EmbedWidgetFramingTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium), IAsyncLifetime
{
    private readonly EmbeddingSite _website = EmbeddingSite.Start();

    public override async Task InitializeAsync()
    {
        await App.ResetAsync();
        await base.InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _website.DisposeAsync();
    }

    [Fact]
    public async Task A_website_the_admin_listed_shows_the_widget_in_its_frame_with_links_that_open_the_platform_in_a_new_tab()
    {
        var site = App.TenantByHost("gross-gerau");
        await ListOriginAsync(site, _website.Origin.ToString().TrimEnd('/'));

        var visitor = await NewAnonymousPageAsync();
        await visitor.GotoAsync(site.ToString());
        var newest = (await visitor.Locator("ul.feed article.post-card h2").First.InnerTextAsync()).Trim();
        await visitor.GotoAsync(_website.PageFraming("neuigkeiten", new Uri(site, "einbetten?count=3")).ToString());

        var widget = visitor.FrameLocator("iframe[title=Neuigkeiten]");
        await Expect(widget.GetByRole(AriaRole.Heading, new() { Name = "Kommunales Jobcenter Groß-Gerau", Level = 1 })).ToBeVisibleAsync();
        var entries = widget.Locator("ul.entries > li > a");
        await Expect(entries).ToHaveCountAsync(3);
        await Expect(entries.First).ToHaveTextAsync(newest);
        await Expect(entries.First).ToHaveAttributeAsync("target", "_blank");
        await Expect(widget.GetByRole(AriaRole.Link, new() { Name = "Mehr auf unserer Seite" })).ToHaveAttributeAsync("target", "_blank");
        Assert.Equal(_website.Origin.ToString(), new Uri(visitor.Url).GetLeftPart(UriPartial.Authority) + "/");
    }

    [Fact]
    public async Task A_website_nobody_listed_gets_no_widget_in_its_frame()
    {
        var site = App.TenantByHost("gross-gerau");
        var visitor = await NewAnonymousPageAsync();

        await ExpectFramingRefusedAsync(visitor, _website.PageFraming("ungefragt", new Uri(site, "einbetten")));
    }

    [Fact]
    public async Task Even_a_listed_website_may_not_frame_the_feed_or_any_other_page_but_the_widget()
    {
        var site = App.TenantByHost("gross-gerau");
        await ListOriginAsync(site, _website.Origin.ToString().TrimEnd('/'));
        var visitor = await NewAnonymousPageAsync();

        await ExpectFramingRefusedAsync(visitor, _website.PageFraming("feed", site));
        await ExpectFramingRefusedAsync(visitor, _website.PageFraming("links", new Uri(site, "links")));
    }

    /// <summary>The admin enters the origin on verwaltung, as the hint asks (one per line), and saves.</summary>
    private async Task ListOriginAsync(Uri site, string origin)
    {
        await SignInPage.SignInAsync(Page, site, "admin@gross-gerau.example");
        await Page.GotoAsync(new Uri(site, "verwaltung").ToString());
        await Page.GetByLabel("Websites, die einbetten dürfen (eine pro Zeile)").FillAsync(origin);
        await Page.Locator("section[aria-labelledby=einbetten]").GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Websites zum Einbetten sind gespeichert.");
        await Expect(Page.Locator("#embedSnippet")).ToContainTextAsync("<iframe src=\"");
    }

    /// <summary>
    /// Opens the website's page and waits until Chromium has put its error page in place of the frame, as it does for a
    /// frame that the framed page's <c>frame-ancestors</c> forbids; the frame then shows none of the platform's page.
    /// </summary>
    private static async Task ExpectFramingRefusedAsync(IPage visitor, Uri page)
    {
        var response = await visitor.GotoAsync(page.ToString());
        Assert.Equal(200, response?.Status);
        var frame = await EventuallyAsync(async () =>
        {
            var handle = await visitor.Locator("iframe[title=Neuigkeiten]").ElementHandleAsync();
            var content = await handle.ContentFrameAsync();
            return content is not null && content.Url.StartsWith("chrome-error:", StringComparison.Ordinal) ? content : null;
        }, "Chromium refuses the frame");

        Assert.Equal(0, await frame.Locator("header.compact-header, ul.entries, ul.feed").CountAsync());
    }
}
