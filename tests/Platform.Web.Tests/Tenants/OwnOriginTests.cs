using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Tenants;

/// <summary>Young people's pages make no third-party requests (fonts, scripts, analytics, images).</summary>
public sealed class OwnOriginTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    [Theory]
    [InlineData("gross-gerau", TenantAddressing.Host)]
    [InlineData("offenbach", TenantAddressing.PathPrefix)]
    public async Task No_request_leaves_the_platforms_own_origin(string slug, TenantAddressing addressing)
    {
        var feed = App.Tenant(slug, addressing);
        var requests = new List<Uri>();
        Page.Request += (_, request) => requests.Add(new Uri(request.Url));

        await Page.GotoAsync(feed.ToString());
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Themen" })
            .GetByRole(AriaRole.Link, new() { Name = "Geld", Exact = true }).ClickAsync();
        await UntilUrlAsync(Page, new Regex("topic=Geld"));
        await Page.Locator("ul.feed > li > article.post-card h2 a").First.ClickAsync();
        await UntilUrlAsync(Page, new Regex("/posts/"));
        await Expect(Page.Locator("article.post h1")).ToBeVisibleAsync();

        // The recording must have seen the pages and their stylesheets, or an empty list would pass.
        Assert.Contains(requests, r => r.AbsolutePath.EndsWith("/branding.css", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.AbsolutePath.Contains("/posts/", StringComparison.Ordinal));
        var foreign = requests
            .Where(r => !string.Equals(r.GetLeftPart(UriPartial.Authority), feed.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.Empty(foreign);
    }
}
