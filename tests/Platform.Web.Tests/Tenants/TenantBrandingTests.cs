using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Tenants;

public sealed class TenantBrandingTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    [Fact]
    public async Task The_two_demo_tenants_show_different_names_and_header_colours()
    {
        await ExpectBrandingAsync(App.TenantByHost("gross-gerau"), "Kommunales Jobcenter Groß-Gerau", "rgb(0, 82, 122)");
        await ExpectBrandingAsync(App.TenantByPrefix("offenbach"), "Jobcenter MainArbeit Offenbach", "rgb(122, 31, 61)");
    }

    private async Task ExpectBrandingAsync(Uri feed, string displayName, string headerColour)
    {
        var response = await Page.GotoAsync(feed.ToString());

        Assert.Equal(200, response?.Status);
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Expect(Page.Locator(".site-header .brand-name")).ToHaveTextAsync(displayName);
        await Expect(Page.Locator(".site-header")).ToHaveCSSAsync("background-color", headerColour);
    }
}
