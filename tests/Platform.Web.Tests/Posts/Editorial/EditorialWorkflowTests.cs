using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Platform.TestSupport;
using Platform.Web.Tests.Accounts;
using static Microsoft.Playwright.Assertions;
using static Platform.TestSupport.Eventually;

namespace Platform.Web.Tests.Posts.Editorial;

/// <summary>An editor writes a post on <c>redaktion</c>, a reviewer approves and schedules it, and it appears on the feed
/// at its time, on a fake clock that the test moves.</summary>
public abstract class EditorialWorkflowTests<TApp>(TApp app, ChromiumFixture chromium) : BrowserTest<TApp>(app, chromium)
    where TApp : BrowserApp
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private FakeTimeProvider Clock => App.Clock ?? throw new InvalidOperationException("This class needs an app on a fake clock.");

    public override async Task InitializeAsync()
    {
        await App.ResetAsync();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task An_editor_writes_a_reviewer_approves_and_schedules_and_the_post_appears_on_the_feed_at_its_time()
    {
        const string title = "Bewerbungsfotos kostenlos im Januar";
        var site = App.TenantByPrefix("gross-gerau");

        await SignInPage.SignInAsync(Page, site, "redaktion@gross-gerau.example");
        await Page.GotoAsync(new Uri(site, "redaktion").ToString());
        await Page.GetByRole(AriaRole.Link, new() { Name = "Neuer Beitrag" }).ClickAsync();
        await UntilUrlAsync(Page, new Regex("/redaktion/beitraege/neu$"));
        await Page.GetByLabel("Titel", new() { Exact = true }).FillAsync(title);
        await Page.GetByLabel("Zusammenfassung", new() { Exact = true }).FillAsync("Ein Fotograf kommt ins Jobcenter.");
        await Page.GetByLabel("Text (Markdown)").FillAsync("**Wichtig:** Termin vorher buchen.\n\n<script>alert(1)</script>");
        await Page.GetByLabel("Jobsuche").CheckAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Vorschau" }).ClickAsync();
        var preview = Page.Locator(".composer-previews .phone-frame .post-body");
        await Expect(preview.Locator("strong")).ToHaveTextAsync("Wichtig:");
        await Expect(preview.Locator("script")).ToHaveCountAsync(0);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Der Beitrag ist angelegt.");
        await Page.GetByLabel("Text (Markdown)").FillAsync("**Wichtig:** Termin vorher buchen.\n\nBitte Ausweis mitbringen.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Änderungen sind gespeichert.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Unterschiede zeigen" }).ClickAsync();
        var diff = Page.Locator(".diff");
        await Expect(diff.GetByRole(AriaRole.Heading, new() { Name = "Unterschiede von Version 1 zu Version 2" })).ToBeVisibleAsync();
        await Expect(diff.Locator(".diff-inserted")).ToContainTextAsync("+ Bitte Ausweis mitbringen.");
        await Expect(diff.Locator(".diff-deleted")).ToContainTextAsync("- <script>alert(1)</script>");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zur Prüfung geben" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Der Beitrag ist zur Prüfung gegeben.");
        await Expect(Page.Locator(".post-status").First).ToHaveTextAsync("In Prüfung");
        var postAddress = Regex.Replace(Page.Url, @"\?.*$", "");

        // A password alone does not let the reviewer approve: the page says why and offers no button.
        var reviewer = await NewAnonymousPageAsync();
        await SignInPage.SignInAsync(reviewer, site, "pruefung@gross-gerau.example");
        await reviewer.GotoAsync(postAddress);
        await Expect(reviewer.GetByText("Freigeben, Planen und Veröffentlichen gehen nur mit einem zweiten Faktor.")).ToBeVisibleAsync();
        await Expect(reviewer.GetByRole(AriaRole.Button, new() { Name = "Freigeben" })).ToHaveCountAsync(0);

        // With the authenticator app's code it does.
        reviewer = await NewAnonymousPageAsync();
        await SignInPage.SignInWithSecondFactorAsync(reviewer, App, site, "gross-gerau", "pruefung@gross-gerau.example");
        await reviewer.GotoAsync(postAddress);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Freigeben" }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Status)).ToHaveTextAsync("Der Beitrag ist freigegeben.");

        // The test owns the clock: the post is planned an hour ahead, and the hour passes by moving the clock.
        var now = Clock.GetUtcNow().UtcDateTime;
        // Whole minutes: Chromium writes a datetime-local value without its seconds when they are :00, and Playwright's
        // fill rejects a value that reads back differently from what it typed.
        var publishAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute)).AddHours(1);
        var localPublishAt = TimeZoneInfo.ConvertTimeFromUtc(publishAt, Berlin);
        await reviewer.GetByLabel("Erscheinen am").FillAsync(localPublishAt.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Planen" }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Status)).ToHaveTextAsync("Der Beitrag ist geplant.");

        var reader = await NewAnonymousPageAsync();
        await reader.GotoAsync(site.ToString());
        await Expect(reader.GetByText(title)).ToHaveCountAsync(0);

        // A minute before its time it is not there yet.
        Clock.Advance(publishAt - Clock.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(1));
        await reader.ReloadAsync();
        await Expect(reader.GetByText(title)).ToHaveCountAsync(0);

        // At its time its delayed job fires (Hangfire's own scheduler goes by the wall clock, so the test fires it), and
        // the reader, reloading, finds the post.
        Clock.Advance(TimeSpan.FromMinutes(1));
        await DelayedJobs.FirePublicationAsync(App, "gross-gerau", Guid.Parse(new Uri(postAddress).Segments[^1]));
        await EventuallyAsync(
            async () =>
            {
                await reader.ReloadAsync();
                return await reader.GetByRole(AriaRole.Link, new() { Name = title }).CountAsync() > 0;
            },
            "the post on the feed");

        await Page.GotoAsync(postAddress);
        await Expect(Page.Locator(".post-status").First).ToHaveTextAsync("Veröffentlicht");
        await Expect(Page.Locator("table.job-runs")).ToContainTextAsync("Veröffentlicht");
    }
}

public sealed class SqliteEditorialWorkflowTests(FakeClockBrowserApp app, ChromiumFixture chromium) : EditorialWorkflowTests<FakeClockBrowserApp>(app, chromium);

public sealed class PostgresEditorialWorkflowTests(PostgresFakeClockBrowserApp app, ChromiumFixture chromium) : EditorialWorkflowTests<PostgresFakeClockBrowserApp>(app, chromium);
