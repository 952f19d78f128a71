using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.Web.Tests.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Posts.Editorial;

/// <summary>The content calendar on <c>redaktion/kalender</c> (Berlin time) and who may open the redaktion pages.</summary>
public sealed class ContentCalendarTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    public override async Task InitializeAsync()
    {
        await App.ResetAsync();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task The_week_of_the_october_change_shows_berlin_times_and_a_post_is_rescheduled_from_it()
    {
        // 31 October 2027 is the last Sunday of October: before it Berlin is UTC+2, after it UTC+1.
        var saturday = await ScheduleAsync("Kalender: Samstag vor der Umstellung", new DateTime(2027, 10, 30, 10, 0, 0, DateTimeKind.Utc));
        var sunday = await ScheduleAsync("Kalender: Sonntag nach der Umstellung", new DateTime(2027, 10, 31, 10, 0, 0, DateTimeKind.Utc));
        var site = App.TenantByPrefix("gross-gerau");
        await SignInPage.SignInWithSecondFactorAsync(Page, App, site, "gross-gerau", "pruefung@gross-gerau.example");

        await Page.GotoAsync(new Uri(site, "redaktion/kalender?ansicht=woche&datum=2027-10-28").ToString());

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Woche vom 25. Oktober bis 31. Oktober 2027" })).ToBeVisibleAsync();
        var saturdayCell = Page.Locator("li.calendar-day[data-date='2027-10-30']");
        var sundayCell = Page.Locator("li.calendar-day[data-date='2027-10-31']");
        await Expect(saturdayCell.Locator(".calendar-entry")).ToContainTextAsync("12:00 Uhr Kalender: Samstag vor der Umstellung");
        await Expect(sundayCell.Locator(".calendar-entry")).ToContainTextAsync("11:00 Uhr Kalender: Sonntag nach der Umstellung");
        await Expect(sundayCell.Locator("h3")).ToContainTextAsync("25 Stunden");

        await Page.GetByLabel("Neuer Termin für „Kalender: Samstag vor der Umstellung“").FillAsync("2027-11-02T09:30");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Verschieben" }).First.ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Der Beitrag ist verschoben.");
        await Expect(Page.Locator("li.calendar-day[data-date='2027-11-02'] .calendar-entry")).ToContainTextAsync("09:30 Uhr Kalender: Samstag vor der Umstellung");
        var moved = await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().Posts.AsNoTracking().SingleAsync(p => p.Id == saturday));
        Assert.Equal(new DateTime(2027, 11, 2, 8, 30, 0, DateTimeKind.Utc), moved.PublishAt);
        Assert.NotEqual(saturday, sunday);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Monat" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "November 2027" })).ToBeVisibleAsync();
        await Expect(Page.Locator(".calendar-entry")).ToHaveCountAsync(1);
        await Expect(Page.Locator(".calendar-entry")).ToContainTextAsync("Kalender: Samstag vor der Umstellung");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Voriger Monat" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Oktober 2027" })).ToBeVisibleAsync();
        await Expect(Page.Locator(".calendar-entry")).ToHaveCountAsync(1);
        await Expect(Page.Locator(".calendar-entry")).ToContainTextAsync("11:00 Uhr Kalender: Sonntag nach der Umstellung");
    }

    [Fact]
    public async Task A_young_person_is_turned_away_from_the_redaktion_and_staff_find_it_in_the_navigation()
    {
        var site = App.TenantByHost("gross-gerau");
        await SignInPage.SignInAsync(Page, site, "jana@gross-gerau.example");
        await Page.GotoAsync(new Uri(site, "redaktion").ToString());
        await Expect(Page).ToHaveURLAsync(new Regex("/kein-zugriff\\?ReturnUrl=%2Fredaktion$"));
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Neuer Beitrag" })).ToHaveCountAsync(0);

        var editor = await NewAnonymousPageAsync();
        await SignInPage.SignInAsync(editor, site, "redaktion@gross-gerau.example");
        await editor.Locator(".account-nav").GetByRole(AriaRole.Link, new() { Name = "Redaktion", Exact = true }).ClickAsync();
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Name = "Redaktion", Level = 1 })).ToBeVisibleAsync();
    }

    private Task<Guid> ScheduleAsync(string title, DateTime publishAt) =>
        App.InTenantAsync("gross-gerau", async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var post = Post.CreateDraft(sp.GetRequiredService<ICurrentTenant>().RequiredId, title, "Kurz", "Text", Topics.Geld, DateTime.UtcNow);
            post.Schedule(publishAt, PostActor.System, DateTime.UtcNow, fourEyesRule: false);
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post.Id;
        });
}
