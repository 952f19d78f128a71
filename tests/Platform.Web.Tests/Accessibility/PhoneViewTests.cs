using Microsoft.Playwright;
using Platform.Web.Tests.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Accessibility;

/// <summary>
/// The views a young person sees on a phone (390 × 844 CSS pixels, an iPhone 12 to 15) fit the screen; each test
/// leaves its screenshot in <c>artifacts/screenshots/</c>.
/// </summary>
public sealed class PhoneViewTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    public override async Task InitializeAsync()
    {
        await App.ResetAsync();
        await base.InitializeAsync();
        await Page.SetViewportSizeAsync(390, 844);
    }

    [Fact]
    public async Task After_reserving_a_seat_the_event_block_offers_a_reminder_with_nothing_ticked()
    {
        var site = App.TenantByHost("gross-gerau");
        await SignInPage.SignInAsync(Page, site, "jana@gross-gerau.example");
        await Page.GotoAsync(new Uri(site, "veranstaltungen").ToString());
        await Page.Locator(".event-card", new() { HasText = "Videointerview: so klappt es" })
            .GetByRole(AriaRole.Link, new() { Name = "Videointerview: so klappt es" }).ClickAsync();
        var block = Page.Locator(".event-block");
        await block.GetByRole(AriaRole.Button, new() { Name = "Platz reservieren" }).ClickAsync();

        var offer = block.GetByRole(AriaRole.Group, new() { Name = "Soll ich dich an den Termin erinnern?" });
        await Expect(offer).ToBeVisibleAsync();
        Assert.Equal(0, await offer.Locator("input:checked").CountAsync());
        await block.ScrollIntoViewIfNeededAsync();

        Assert.Null(await PageLayout.SidewaysOverflowAsync(Page));
        await PageLayout.SaveScreenshotAsync(Page, "390x844-event-reminder-offer");
    }

    [Fact]
    public async Task A_posts_language_is_a_label_beside_its_topics_not_one_of_them()
    {
        var site = App.TenantByHost("gross-gerau");
        await Page.GotoAsync(site.ToString());
        await Page.Locator("ul.feed article h2 a").First.ClickAsync();

        var label = Page.Locator(".post-language");
        await Expect(label).ToContainTextAsync("Sprache: Deutsch");
        Assert.Equal(0, await label.Locator("xpath=ancestor-or-self::a").CountAsync());
        var backgrounds = await Page.EvaluateAsync<string[]>(
            """
            () => ['.post-language', 'a.tag'].map(s => getComputedStyle(document.querySelector(s)).backgroundColor)
            """);
        Assert.NotEqual(backgrounds[1], backgrounds[0]);

        Assert.Null(await PageLayout.SidewaysOverflowAsync(Page));
        await PageLayout.SaveScreenshotAsync(Page, "390x844-post-language-label");
    }

    [Fact]
    public async Task On_meine_daten_each_fact_stands_under_its_name_and_the_long_address_fits()
    {
        var site = App.TenantByHost("gross-gerau");
        await SignInPage.SignInAsync(Page, site, "jana@gross-gerau.example");
        await Page.GotoAsync(new Uri(site, "meine-daten").ToString());

        var facts = Page.Locator("dl.facts");
        await Expect(facts).ToContainTextAsync("jana@gross-gerau.example");
        var term = await facts.Locator("dt").First.BoundingBoxAsync();
        var value = await facts.Locator("dd").First.BoundingBoxAsync();
        Assert.NotNull(term);
        Assert.NotNull(value);
        Assert.True(value.Y >= term.Y + term.Height - 1, $"the address ({value.Y}) is beside its name ({term.Y}), not under it");

        Assert.Null(await PageLayout.SidewaysOverflowAsync(Page));
        await PageLayout.SaveScreenshotAsync(Page, "390x844-my-data-facts");
    }
}
