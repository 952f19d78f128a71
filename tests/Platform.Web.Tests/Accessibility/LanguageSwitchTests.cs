using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Accessibility;

/// <summary>The language switcher in the header (ADR-016): English stays across pages, Arabic turns the page right to left.</summary>
public sealed partial class LanguageSwitchTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    [Fact]
    public async Task Switching_to_english_on_the_feed_stays_english_across_pages_and_arabic_turns_right_to_left()
    {
        // A browser that prefers English still starts in German: German is the default for everyone.
        var context = await NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(App.TenantByHost("gross-gerau"), "?topic=Wohnen").ToString());
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" })).ToBeVisibleAsync();

        await page.Locator(".language-menu summary").ClickAsync(); // the languages sit behind one icon
        var languages = page.GetByRole(AriaRole.Navigation, new() { Name = "Sprache" });
        await languages.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        // Back on the same page (with its topic), now in English.
        await UntilUrlAsync(page, TopicWohnen());
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("News for you");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Events" })).ToBeVisibleAsync();
        await page.Locator(".language-menu summary").ClickAsync(); // the languages sit behind one icon
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "English" }))
            .ToHaveAttributeAsync("aria-current", "true");

        await nav.GetByRole(AriaRole.Link, new() { Name = "Events" }).ClickAsync();
        await UntilUrlAsync(page, Events());
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Events");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Contact" }).ClickAsync();
        await UntilUrlAsync(page, Contact());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Contact");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await Expect(page.Locator("main").GetByRole(AriaRole.Alert)).ToContainTextAsync("Please tell us briefly what it is about.");

        await page.Locator(".language-menu summary").ClickAsync(); // the languages sit behind one icon
        var arabic = page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "العربية" });
        await Expect(arabic).ToHaveAttributeAsync("lang", "ar");
        await arabic.ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        Assert.Matches(Contact(), page.Url);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "التنقل الرئيسي" }).GetByRole(AriaRole.Link, new() { Name = "الفعاليات" }))
            .ToBeVisibleAsync();

        // And back to German with the switcher.
        await page.Locator(".language-menu summary").ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "اللغة" }).GetByRole(AriaRole.Link, new() { Name = "Deutsch" }).ClickAsync();
        await Expect(page.Locator("html")).Not.ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kontakt");
    }

    [GeneratedRegex(@"/\?topic=Wohnen$")]
    private static partial Regex TopicWohnen();

    [GeneratedRegex("/veranstaltungen$")]
    private static partial Regex Events();

    [GeneratedRegex("/kontakt$")]
    private static partial Regex Contact();
}
