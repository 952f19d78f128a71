using System.Text.RegularExpressions;
using Platform.Web.Tests.Accounts;

namespace Platform.Web.Tests.Accessibility;

/// <summary>
/// WCAG 2.1 reflow (1.4.10) and zoom (1.4.4): at 320 CSS pixels wide, which is a 1280 pixel screen zoomed to 400 %
/// (and so covers 200 %), every public page shows its content without scrolling sideways.
/// </summary>
public sealed class ReflowTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    [Theory]
    [InlineData("")]
    [InlineData("post")]
    [InlineData("kontakt")]
    [InlineData("barrierefreiheit")]
    [InlineData("suche?q=Wohnungen")]
    [InlineData("veranstaltungen")]
    [InlineData("veranstaltungen?ansicht=kalender")]
    [InlineData("anmelden")]
    [InlineData("registrieren")]
    [InlineData("themen-abonnieren")]
    [InlineData("?culture=ar")]
    [InlineData("kontakt?culture=ar")]
    [InlineData("suche?q=Wohnungen&culture=ar")]
    [InlineData("veranstaltungen?culture=ar")]
    [InlineData("?culture=fa")]
    [InlineData("kontakt?culture=fa")]
    [InlineData("barrierefreiheit?culture=fa")]
    [InlineData("veranstaltungen?ansicht=kalender&culture=fa")]
    [InlineData("registrieren?culture=fa")]
    [InlineData("?culture=en")]
    public async Task A_public_page_reflows_to_320_css_pixels_without_sideways_scrolling(string path)
    {
        var site = App.TenantByHost("gross-gerau");
        await Page.SetViewportSizeAsync(320, 640);
        if (path == "post")
        {
            await Page.GotoAsync(site.ToString());
            await Page.Locator("ul.feed article h2 a").First.ClickAsync();
            await UntilUrlAsync(Page, new Regex("/posts/"));
        }
        else
        {
            await Page.GotoAsync(new Uri(site, path).ToString());
        }

        Assert.Null(await PageLayout.SidewaysOverflowAsync(Page));
    }

    [Theory]
    [InlineData("meine-daten")]
    [InlineData("konto/sicherheit")]
    [InlineData("erinnerungen")]
    [InlineData("benachrichtigungen")]
    [InlineData("merkliste")]
    [InlineData("themen-abonnieren")]
    [InlineData("meine-daten?culture=ar")]
    [InlineData("konto/sicherheit?culture=fa")]
    [InlineData("erinnerungen?culture=fa")]
    public async Task A_signed_in_young_persons_page_reflows_to_320_css_pixels_without_sideways_scrolling(string path)
    {
        var site = App.TenantByHost("gross-gerau");
        await SignInPage.SignInAsync(Page, site, "jana@gross-gerau.example");
        await Page.SetViewportSizeAsync(320, 640);

        await Page.GotoAsync(new Uri(site, path).ToString());

        Assert.Null(await PageLayout.SidewaysOverflowAsync(Page));
    }
}
