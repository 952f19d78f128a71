using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.Web.Tests.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Events;

/// <summary>A young person finds an event, signs up, and takes it into the phone's calendar.</summary>
public abstract partial class EventRegistrationTests<TApp>(TApp app, ChromiumFixture chromium) : BrowserTest<TApp>(app, chromium)
    where TApp : BrowserApp
{
    public override async Task InitializeAsync()
    {
        await App.ResetAsync();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task A_young_person_signs_up_for_an_event_and_downloads_it_for_the_calendar()
    {
        var site = App.TenantByPrefix("gross-gerau");
        await SignInPage.SignInAsync(Page, site, "jana@gross-gerau.example");

        await Page.GotoAsync(site.ToString());
        await Page.Locator(".main-nav").GetByRole(AriaRole.Link, new() { Name = "Veranstaltungen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Veranstaltungen", Level = 1 })).ToBeVisibleAsync();
        var card = Page.Locator(".event-card", new() { HasText = "Videointerview: so klappt es" });
        await Expect(card).ToContainTextAsync("Noch 12 Plätze frei");
        await Expect(card).ToContainTextAsync("16:00 bis 18:00 Uhr");

        await card.GetByRole(AriaRole.Link, new() { Name = "Videointerview: so klappt es" }).ClickAsync();
        await UntilUrlAsync(Page, PostAddress());
        var block = Page.Locator(".event-block");
        await block.GetByRole(AriaRole.Button, new() { Name = "Platz reservieren" }).ClickAsync();

        await Expect(block.GetByRole(AriaRole.Status)).ToHaveTextAsync("Dein Platz ist reserviert.");
        await Expect(block).ToContainTextAsync("Noch 11 Plätze frei");
        await Expect(block.GetByRole(AriaRole.Button, new() { Name = "Teilnahme absagen" })).ToBeVisibleAsync();

        var download = await Page.RunAndWaitForDownloadAsync(() =>
            block.GetByRole(AriaRole.Link, new() { Name = "In den Kalender (.ics)" }).ClickAsync());
        Assert.EndsWith(".ics", download.SuggestedFilename, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nSUMMARY:Videointerview: so klappt es\r\n", text, StringComparison.Ordinal);
        Assert.Matches(@"\r\nDTSTART:\d{8}T\d{6}Z\r\n", text);

        // The link itself answers as a calendar.
        var href = await block.GetByRole(AriaRole.Link, new() { Name = "In den Kalender (.ics)" }).GetAttributeAsync("href");
        var response = await Page.APIRequest.GetAsync(new Uri(site, href).ToString());
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/calendar", response.Headers["content-type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_signing_up_the_young_person_is_offered_a_reminder_and_finds_it_with_their_reminders()
    {
        var site = App.TenantByPrefix("gross-gerau");
        await SignInPage.SignInAsync(Page, site, "jana@gross-gerau.example");
        await Page.GotoAsync(new Uri(site, "veranstaltungen").ToString());
        await Page.Locator(".event-card", new() { HasText = "Videointerview: so klappt es" })
            .GetByRole(AriaRole.Link, new() { Name = "Videointerview: so klappt es" }).ClickAsync();
        await UntilUrlAsync(Page, PostAddress());
        var block = Page.Locator(".event-block");
        await Expect(block.GetByRole(AriaRole.Group, new() { Name = "Soll ich dich an den Termin erinnern?" })).ToHaveCountAsync(0);
        await block.GetByRole(AriaRole.Button, new() { Name = "Platz reservieren" }).ClickAsync();

        var offer = block.GetByRole(AriaRole.Group, new() { Name = "Soll ich dich an den Termin erinnern?" });
        await Expect(offer.GetByLabel("2 Stunden vorher")).Not.ToBeCheckedAsync();
        await block.GetByRole(AriaRole.Button, new() { Name = "Erinnerung speichern" }).ClickAsync();
        await Expect(block.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wähle, wann wir dich erinnern sollen.");

        await offer.GetByLabel("1 Tag vorher").CheckAsync();
        await block.GetByRole(AriaRole.Button, new() { Name = "Erinnerung speichern" }).ClickAsync();
        await Expect(block).ToContainTextAsync("Wir erinnern dich: 1 Tag vorher.");
        await Expect(offer).ToHaveCountAsync(0);

        await block.GetByRole(AriaRole.Link, new() { Name = "Erinnerungen ansehen" }).ClickAsync();
        var reminder = Page.Locator(".reminder-list li", new() { HasText = "Videointerview: so klappt es" });
        await Expect(reminder).ToContainTextAsync("1 Tag vorher");
    }

    [GeneratedRegex(@"/t/gross-gerau/posts/[0-9a-f-]{36}$")]
    private static partial Regex PostAddress();
}

public sealed class SqliteEventRegistrationTests(BrowserApp app, ChromiumFixture chromium) : EventRegistrationTests<BrowserApp>(app, chromium);

public sealed class PostgresEventRegistrationTests(PostgresBrowserApp app, ChromiumFixture chromium) : EventRegistrationTests<PostgresBrowserApp>(app, chromium);
