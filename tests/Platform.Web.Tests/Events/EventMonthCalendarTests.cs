using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.Domain.Common;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Events;

/// <summary>A young person switches the events page to the month calendar, finds the day of a workshop and opens it.</summary>
public sealed class EventMonthCalendarTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    [Fact]
    public async Task The_month_calendar_marks_today_and_leads_from_an_event_day_to_the_event()
    {
        var site = App.TenantByHost("gross-gerau");
        var requests = new RequestRecorder(Context);
        await Page.GotoAsync(new Uri(site, "veranstaltungen").ToString());
        var card = Page.Locator(".event-card", new() { HasText = "Videointerview: so klappt es" });
        var starts = DateTime.Parse(
            (await card.Locator("time").GetAttributeAsync("datetime"))!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var day = DateOnly.FromDateTime(BerlinTime.ToLocal(starts));
        var today = DateOnly.FromDateTime(BerlinTime.ToLocal(DateTime.UtcNow));

        var views = Page.GetByRole(AriaRole.Navigation, new() { Name = "Ansicht" });
        await views.GetByRole(AriaRole.Link, new() { Name = "Monatskalender" }).ClickAsync();
        await UntilUrlAsync(Page, new Regex("ansicht=kalender"));
        var table = Page.GetByRole(AriaRole.Table);
        await Expect(table.Locator("caption")).ToHaveTextAsync(today.ToString("MMMM yyyy", German));
        await Expect(table.GetByRole(AriaRole.Columnheader)).ToHaveCountAsync(7);
        await Expect(table.Locator("td[aria-current=date]")).ToContainTextAsync($"{today.Day}");
        await Expect(views.GetByRole(AriaRole.Link, new() { Name = "Monatskalender" })).ToHaveAttributeAsync("aria-current", "page");

        // The demo workshop may be next month already: the month links lead there.
        if (day.Month != today.Month)
        {
            await Page.GetByRole(AriaRole.Navigation, new() { Name = "Monate" }).Locator("a[rel=next]").ClickAsync();
            await UntilUrlAsync(Page, new Regex($"monat={day:yyyy-MM}"));
            await Expect(table.Locator("caption")).ToHaveTextAsync(day.ToString("MMMM yyyy", German));
        }

        var dayLink = table.Locator($"a[href$='#tag-{day:yyyy-MM-dd}']");
        await Expect(dayLink).ToHaveAccessibleNameAsync(new Regex($@"^{day.Day}\. {day.ToString("MMMM", German)}: \d+ Veranstaltung"));
        await dayLink.ClickAsync();
        await UntilUrlAsync(Page, new Regex($"#tag-{day:yyyy-MM-dd}$"));
        var dayList = Page.Locator($"#tag-{day:yyyy-MM-dd}");
        await Expect(dayList.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToContainTextAsync(day.ToString("dddd, d. MMMM", German));
        await dayList.GetByRole(AriaRole.Link, new() { Name = "Videointerview: so klappt es" }).ClickAsync();
        await UntilUrlAsync(Page, new Regex("/posts/[0-9a-f-]{36}$"));
        await Expect(Page.Locator(".event-block")).ToBeVisibleAsync();

        requests.AssertAllOnOriginOf(site);
    }
}
