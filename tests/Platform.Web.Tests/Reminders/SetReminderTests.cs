using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Application.Common;
using Platform.Domain.Reminders;
using Platform.Infrastructure.Jobs;
using Platform.Web.Tests.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Reminders;

/// <summary>A young person sets a reminder on the phone, gets it in the notification centre, and deletes it.</summary>
public abstract class SetReminderTests<TApp>(TApp app, ChromiumFixture chromium) : BrowserTest<TApp>(app, chromium)
    where TApp : BrowserApp
{
    public override async Task InitializeAsync()
    {
        await App.ResetAsync();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task A_young_person_sets_a_reminder_reads_it_in_the_notification_centre_and_deletes_it()
    {
        var site = App.TenantByPrefix("gross-gerau");
        var requests = new RequestRecorder(Context);
        await SignInPage.SignInAsync(Page, site, "jana@gross-gerau.example");

        await Page.GotoAsync(site.ToString());
        await Page.Locator(".account-nav").GetByRole(AriaRole.Link, new() { Name = "Erinnerungen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Erinnerungen", Level = 1 })).ToBeVisibleAsync();

        var form = Page.Locator("form", new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = "Erinnerung speichern" }) });
        await form.GetByLabel("Woran sollen wir dich erinnern?").SelectOptionAsync(new SelectOptionValue { Label = "Termin im Jobcenter" });
        var day = DateTime.UtcNow.AddDays(10);
        await form.GetByLabel("Datum").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.GetByLabel("Uhrzeit").FillAsync("10:30");
        // Nothing is chosen for the person; a moment that has passed by the chosen date is refused, not left out.
        foreach (var lead in new[] { "14 Tage vorher", "7 Tage vorher", "1 Tag vorher", "2 Stunden vorher" })
        {
            await Expect(form.GetByLabel(lead, new() { Exact = true })).Not.ToBeCheckedAsync();
        }

        await form.GetByLabel("14 Tage vorher", new() { Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Erinnerung speichern" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("„14 Tage vorher“ ist schon vorbei.");

        form = Page.Locator("form", new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = "Erinnerung speichern" }) });
        await form.GetByLabel("14 Tage vorher", new() { Exact = true }).UncheckAsync();
        await form.GetByLabel("7 Tage vorher", new() { Exact = true }).CheckAsync();
        await form.GetByLabel("1 Tag vorher", new() { Exact = true }).CheckAsync();
        await form.GetByLabel("2 Stunden vorher", new() { Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Erinnerung speichern" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Deine Erinnerung ist gespeichert.");
        var list = Page.Locator(".reminder-list");
        await Expect(list).ToContainTextAsync("Termin im Jobcenter");
        await Expect(list).ToContainTextAsync("10:30 Uhr");
        await Expect(list).ToContainTextAsync("7 Tage vorher, 1 Tag vorher, 2 Stunden vorher");

        // Time passes: the first of its messages falls due and the engine delivers it.
        await App.InTenantAsync("gross-gerau", async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var first = await db.ReminderDeliveries.OrderBy(d => d.DueAt).FirstAsync();
            await db.ReminderDeliveries.Where(d => d.Id == first.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, DateTime.UtcNow.AddSeconds(-1)));
        });
        await App.Services.GetRequiredService<DeliverNotificationsJob>().DeliverDueAsync(CancellationToken.None);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Benachrichtigungen und Einstellungen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Benachrichtigungen", Level = 1 })).ToBeVisibleAsync();
        var inbox = Page.Locator(".notification-list");
        await Expect(inbox).ToContainTextAsync("Erinnerung: Termin im Jobcenter");
        await Expect(inbox).ToContainTextAsync("(neu)");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Alle als gelesen markieren" }).ClickAsync();
        await Expect(inbox).Not.ToContainTextAsync("(neu)");

        // Quiet hours and topics are saved.
        await Page.GetByLabel("Von").FillAsync("21:30");
        await Page.GetByLabel("Geld").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Gespeichert." })).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Von")).ToHaveValueAsync("21:30");
        await Expect(Page.GetByLabel("Geld")).ToBeCheckedAsync();

        // The push scripts come from the platform itself.
        var worker = await Page.APIRequest.GetAsync(new Uri(site, "sw.js").ToString());
        Assert.Equal(200, worker.Status);
        Assert.StartsWith("text/javascript", worker.Headers["content-type"], StringComparison.Ordinal);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Zu deinen Erinnerungen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Erinnerung „Termin im Jobcenter“ löschen" }).ClickAsync();
        await Expect(Page.GetByText("Du hast noch keine Erinnerungen.")).ToBeVisibleAsync();
        Assert.Equal(0, await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().ReminderDeliveries.CountAsync(d => d.Status == DeliveryStatus.Pending)));
        requests.AssertAllOnOriginOf(site);
    }
}

public sealed class SqliteSetReminderTests(BrowserApp app, ChromiumFixture chromium) : SetReminderTests<BrowserApp>(app, chromium);

public sealed class PostgresSetReminderTests(PostgresBrowserApp app, ChromiumFixture chromium) : SetReminderTests<PostgresBrowserApp>(app, chromium);
