using System.Text.RegularExpressions;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Application.ContactRequests;
using Platform.Web.Tests.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.ContactRequests;

/// <summary>Callback slots in the browser (issue 16): a young person books and cancels, staff set the hours and note the outcome.</summary>
public sealed partial class CallbackSlotPageTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    [Fact]
    public async Task A_young_person_picks_a_slot_sees_the_time_and_cancels_through_the_link()
    {
        await SetHoursAsync("offenbach", capacity: 1);
        await Page.GotoAsync(new Uri(App.TenantByHost("offenbach"), "kontakt").ToString());
        var section = Page.Locator("main section", new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = "Rückruf zu einer festen Zeit" }) });
        await Expect(section).ToBeVisibleAsync();

        var firstSlot = section.Locator(".slot label").First;
        var time = (await firstSlot.InnerTextAsync()).Trim();
        await firstSlot.ClickAsync();
        await section.GetByLabel("Vorname oder Spitzname").FillAsync("Lea");
        await section.GetByLabel("Telefonnummer").FillAsync("069 1234567");
        await section.GetByLabel("Ich bin einverstanden").CheckAsync();
        await section.GetByRole(AriaRole.Button, new() { Name = "Rückruf buchen" }).ClickAsync();

        var status = Page.Locator("main").GetByRole(AriaRole.Status);
        await Expect(status).ToContainTextAsync("Dein Rückruf ist gebucht");
        await Expect(status).ToContainTextAsync($"um {time}");
        await status.GetByRole(AriaRole.Link, new() { Name = "Rückruf absagen" }).ClickAsync();
        await UntilUrlAsync(Page, CancelPage());
        await Expect(Page.Locator("main")).ToContainTextAsync(time);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ja, absagen" }).ClickAsync();
        await Expect(Page.Locator("main").GetByRole(AriaRole.Status)).ToContainTextAsync("Dein Rückruf ist abgesagt");
    }

    [Fact]
    public async Task Staff_set_the_hours_on_their_page_and_note_the_outcome_of_a_booked_callback()
    {
        var site = App.TenantByHost("gross-gerau");
        await SignInPage.SignInAsync(Page, site, "admin@gross-gerau.example");
        await Page.GotoAsync(new Uri(site, "verwaltung").ToString());
        await Page.GetByRole(AriaRole.Link, new() { Name = "Rückrufzeiten", Exact = true }).ClickAsync();
        var main = Page.Locator("main");
        foreach (var day in new[] { "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag" })
        {
            await main.GetByLabel(day, new() { Exact = true }).FillAsync("08:00-12:00, 13:00-18:00");
        }

        await main.GetByLabel("Länge eines Zeitfensters").FillAsync("30");
        await main.GetByLabel("Anrufe je Zeitfenster").FillAsync("2");
        await main.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Expect(main.GetByRole(AriaRole.Status)).ToContainTextAsync("Die Rückrufzeiten sind gespeichert.");
        await Expect(main.GetByLabel("Montag", new() { Exact = true })).ToHaveValueAsync("08:00-12:00, 13:00-18:00");

        await App.InTenantAsync("gross-gerau", async sp =>
        {
            var mediator = sp.GetRequiredService<IMediator>();
            var slot = (await mediator.Send(new GetCallbackSlotsQuery())).Slots[0];
            await mediator.Send(new BookCallbackCommand(slot.Start, "Sami", "0151 7654321", null, true));
        });
        await Page.GotoAsync(new Uri(site, "verwaltung/anfragen").ToString());
        var callback = main.Locator("section.callbacks li.inbox-item", new() { HasText = "Sami" });
        await Expect(callback).ToContainTextAsync("0151 7654321");
        await Expect(callback).ToContainTextAsync("offen");
        await callback.GetByRole(AriaRole.Button, new() { Name = "Nicht erreicht" }).ClickAsync();
        await Expect(main.Locator("section.callbacks li.inbox-item", new() { HasText = "Sami" })).ToContainTextAsync("nicht erreicht (");
    }

    private Task SetHoursAsync(string slug, int capacity) =>
        App.InTenantAsync(slug, async sp =>
        {
            await sp.GetRequiredService<IMediator>().Send(new UpdateCallbackHoursCommand(
                15, capacity, [.. Enumerable.Range(1, 7).Select(d => new CallbackRangeInput(d, "08:00", "18:00"))], []));
        });

    [GeneratedRegex(@"/rueckruf/absagen\?token=")]
    private static partial Regex CancelPage();
}
