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
    [Fact]
    public async Task The_first_screen_of_the_feed_shows_the_first_posts_image_and_title_above_the_bottom_navigation()
    {
        var site = App.TenantByHost("gross-gerau");
        await Page.GotoAsync(site.ToString());

        var first = Page.Locator("ul.feed > li > article.post-card").First;
        var title = await BoxAsync(first.Locator("h2"));
        var cover = await BoxAsync(first.Locator("img.cover"));
        await Expect(first.Locator("img.cover")).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await first.Locator("img.cover").EvaluateAsync<int>("i => i.naturalWidth") > 0, "the first cover did not load");
        var nav = await BoxAsync(Page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }));
        Assert.Equal(0, await Page.EvaluateAsync<double>("() => window.scrollY"));

        // The navigation is the bar at the bottom of the screen; the title and the whole image sit between the header
        // and that bar, without scrolling.
        Assert.True(nav.Y + nav.Height >= 844 - 1 && nav.Y > 844 / 2, $"the navigation ({nav.Y}+{nav.Height}) is not at the bottom of the screen");
        Assert.True(title.Y >= 0 && title.Y + title.Height <= nav.Y, $"the first title ({title.Y}+{title.Height}) is not above the navigation at {nav.Y}");
        Assert.True(cover.Y >= 0 && cover.Y + cover.Height <= nav.Y, $"the first image ({cover.Y}+{cover.Height}) is not above the navigation at {nav.Y}");
        Assert.True(cover.Width >= 390 - 64, $"the first image is only {cover.Width} px wide");
    }

    [Fact]
    public async Task On_a_desktop_screen_the_navigation_sits_in_the_header_at_the_top()
    {
        await Page.SetViewportSizeAsync(1280, 800);
        var site = App.TenantByHost("gross-gerau");
        await Page.GotoAsync(site.ToString());

        var nav = Page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" });
        foreach (var name in new[] { "Neuigkeiten", "Veranstaltungen", "Merkliste", "Kontakt" })
        {
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        }

        var header = await BoxAsync(Page.Locator("body > header.site-header"));
        var box = await BoxAsync(nav);
        Assert.True(box.Y >= header.Y && box.Y + box.Height <= header.Y + header.Height, $"the navigation ({box.Y}) is not inside the header ({header.Y}+{header.Height})");
        Assert.Equal("static", await nav.EvaluateAsync<string>("n => getComputedStyle(n).position"));
        await Expect(nav.Locator(".icon").First).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_composer_shows_below_the_form_where_the_post_goes()
    {
        var site = App.TenantByHost("gross-gerau");
        await SignInPage.SignInAsync(Page, site, "redaktion@gross-gerau.example");
        await Page.GotoAsync(new Uri(site, "redaktion/beitraege/neu").ToString());
        await Page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Bewerbungsfotos kostenlos im Januar");
        await Page.GetByLabel("Zusammenfassung", new() { Exact = true }).FillAsync("Ein Fotograf kommt ins Jobcenter: Termin vorher buchen.");
        await Page.GetByLabel("Jobsuche").CheckAsync();

        var previews = Page.Locator(".composer-previews");
        await Expect(previews.Locator(".post-card h3[data-live=title]")).ToHaveTextAsync("Bewerbungsfotos kostenlos im Januar");
        var form = await BoxAsync(Page.Locator(".composer form.editor-form"));
        var below = await BoxAsync(previews);
        Assert.True(below.Y >= form.Y + form.Height - 1, $"the previews ({below.Y}) are not below the form ({form.Y}+{form.Height})");
        await previews.Locator(".post-card").ScrollIntoViewIfNeededAsync();
        await Page.EvaluateAsync("() => document.querySelector('.composer-previews').scrollIntoView({ block: 'start' })");

        Assert.Null(await PageLayout.SidewaysOverflowAsync(Page));
        await PageLayout.SaveScreenshotAsync(Page, "390x844-issue11-composer");
    }

    [Fact]
    public async Task The_instagram_kit_shows_its_slides_two_side_by_side_with_their_alt_texts_and_the_caption_to_copy()
    {
        var site = App.TenantByHost("gross-gerau");
        await SignInPage.SignInAsync(Page, site, "redaktion@gross-gerau.example");
        await Page.GotoAsync(site.ToString());
        var post = await Page.Locator("ul.feed article.post-card h2 a").First.GetAttributeAsync("href");
        await Page.GotoAsync(new Uri(site, "redaktion/beitraege/" + post!["posts/".Length..]).ToString());

        var kit = Page.Locator("section.instagram-kit");
        await Expect(kit.GetByRole(AriaRole.Heading, new() { Name = "Für Instagram" })).ToBeVisibleAsync();
        var slides = kit.Locator("ol.instagram-slides > li");
        Assert.True(await slides.CountAsync() >= 2, "the post has fewer than two slides");
        await kit.ScrollIntoViewIfNeededAsync();
        await Page.EvaluateAsync("() => document.querySelector('.instagram-kit').scrollIntoView({ block: 'start' })");
        var one = await BoxAsync(slides.Nth(0));
        var two = await BoxAsync(slides.Nth(1));
        Assert.True(Math.Abs(one.Y - two.Y) < 1 && two.X > one.X + one.Width - 1, "the first two slides are not side by side");
        await Expect(slides.First.Locator("img")).ToHaveJSPropertyAsync("complete", true);
        await Expect(kit.GetByRole(AriaRole.Button, new() { Name = "Bildunterschrift kopieren" })).ToBeVisibleAsync();
        await Expect(kit.GetByLabel("Bildunterschrift", new() { Exact = true })).Not.ToBeEmptyAsync();

        // The kit itself fits the phone's width (the page's version table further down is wider; see the report).
        var fits = await kit.EvaluateAsync<bool>("k => k.scrollWidth <= k.clientWidth && k.getBoundingClientRect().right <= window.innerWidth");
        Assert.True(fits, "the Instagram kit is wider than the phone's screen");
        await PageLayout.SaveScreenshotAsync(Page, "390x844-issue11-instagram-kit");
    }

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator)
    {
        await Expect(locator).ToBeVisibleAsync();
        return await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("The element has no box.");
    }
}
