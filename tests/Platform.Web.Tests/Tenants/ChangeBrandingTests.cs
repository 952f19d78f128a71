using Microsoft.Playwright;
using Platform.Web.Tests.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Tenants;

/// <summary>
/// A jobcenter's TenantAdmin changes its colours on <c>verwaltung</c> (only readable colours are taken) and what its
/// Video-Check says about its own video-consultation tool.
/// </summary>
public abstract class ChangeBrandingTests<TApp>(TApp app, ChromiumFixture chromium) : BrowserTest<TApp>(app, chromium)
    where TApp : BrowserApp
{
    private const string GrossGerauBlue = "rgb(0, 82, 122)";
    private const string OffenbachRed = "rgb(122, 31, 61)";

    public override async Task InitializeAsync()
    {
        await App.ResetAsync();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task The_admin_previews_and_saves_a_new_primary_colour_and_only_her_jobcenter_changes()
    {
        var site = App.TenantByHost("gross-gerau");
        var requests = new RequestRecorder(Context);
        await OpenAdministrationAsync(site);

        await Page.Locator("input#primary").FillAsync("#6a1b9a");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vorschau", Exact = true }).ClickAsync();

        var preview = Page.Locator(".brand-preview");
        await Expect(preview).ToBeVisibleAsync();
        await Expect(preview.Locator(".site-header")).ToHaveCSSAsync("background-color", "rgb(106, 27, 154)");
        await Expect(Page.Locator("body > header.site-header")).ToHaveCSSAsync("background-color", GrossGerauBlue);
        await Expect(Page.Locator("input#primary")).ToHaveValueAsync("#6a1b9a");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Übernehmen", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Das neue Aussehen ist gespeichert.");
        await Expect(Page.Locator(".brand-preview")).ToHaveCountAsync(0);
        await Expect(Page.Locator("input#primary")).ToHaveValueAsync("#6a1b9a");
        await Expect(Page.Locator("body > header.site-header")).ToHaveCSSAsync("background-color", "rgb(106, 27, 154)");
        await Expect(Page.Locator("section[aria-labelledby=protokoll] tbody tr").Filter(new() { HasText = "branding.changed" }))
            .ToContainTextAsync("#6a1b9a");
        requests.AssertAllOnOriginOf(site);

        await ExpectPublicHeaderAsync(site, "rgb(106, 27, 154)");
        await ExpectPublicHeaderAsync(App.TenantByPrefix("offenbach"), OffenbachRed);
        await ExpectPublicHeaderAsync(App.TenantByHost("offenbach"), OffenbachRed);
    }

    [Fact]
    public async Task A_primary_colour_too_light_for_white_is_refused_with_a_message_and_nothing_changes()
    {
        var site = App.TenantByHost("gross-gerau");
        var requests = new RequestRecorder(Context);
        await OpenAdministrationAsync(site);

        await Page.Locator("input#primary").FillAsync("#ffd500");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Übernehmen", Exact = true }).ClickAsync();

        var errors = Page.Locator("section[aria-labelledby=aussehen] .form-errors[role=alert]");
        await Expect(errors).ToContainTextAsync("4,5:1");
        await Expect(errors).ToContainTextAsync("Hauptfarbe");
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        await Expect(Page.Locator("body > header.site-header")).ToHaveCSSAsync("background-color", GrossGerauBlue);

        // The preview refuses it as well, rather than showing an unreadable box.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vorschau", Exact = true }).ClickAsync();
        await Expect(errors).ToContainTextAsync("4,5:1");
        await Expect(Page.Locator(".brand-preview")).ToHaveCountAsync(0);

        // A fresh load of the administration page still shows the stored colour.
        await Page.GotoAsync(new Uri(site, "verwaltung").ToString());
        await Expect(Page.Locator("input#primary")).ToHaveValueAsync("#00527a");
        requests.AssertAllOnOriginOf(site);

        await ExpectPublicHeaderAsync(site, GrossGerauBlue);
        await ExpectPublicHeaderAsync(App.TenantByPrefix("offenbach"), OffenbachRed);
    }

    [Fact]
    public async Task The_admin_writes_the_video_check_hint_and_link_and_only_her_jobcenters_video_check_shows_them()
    {
        var site = App.TenantByHost("gross-gerau");
        var requests = new RequestRecorder(Context);
        await OpenAdministrationAsync(site);

        var contact = Page.Locator("section[aria-labelledby=kontakt]");
        await contact.GetByLabel("Hinweis: welches Programm ihr nutzt").FillAsync("Wir treffen uns in „Jobcenter Video“.\n\nDen Link schicken wir dir per E-Mail.");
        await contact.GetByLabel("Link zur Anleitung oder zum Programm").FillAsync("https://video.gross-gerau.example/anleitung");
        await contact.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Kontaktdaten sind gespeichert.");
        requests.AssertAllOnOriginOf(site);

        var visitor = await NewAnonymousPageAsync();
        await visitor.GotoAsync(new Uri(site, "video-check").ToString());
        var jobcenter = visitor.GetByRole(AriaRole.Region, new() { Name = "Video-Termine bei deinem Jobcenter" });
        await Expect(jobcenter.Locator("p").First).ToHaveTextAsync("Wir treffen uns in „Jobcenter Video“.");
        await Expect(jobcenter.Locator("p").Nth(1)).ToHaveTextAsync("Den Link schicken wir dir per E-Mail.");
        await Expect(jobcenter.GetByRole(AriaRole.Link, new() { Name = "Zur Anleitung für den Video-Termin" }))
            .ToHaveAttributeAsync("href", "https://video.gross-gerau.example/anleitung");

        var elsewhere = await NewAnonymousPageAsync();
        await elsewhere.GotoAsync(new Uri(App.TenantByPrefix("offenbach"), "video-check").ToString());
        await Expect(elsewhere.GetByRole(AriaRole.Link, new() { Name = "Kontakt zum Jobcenter" })).ToBeVisibleAsync();
        await Expect(elsewhere.GetByRole(AriaRole.Region, new() { Name = "Video-Termine bei deinem Jobcenter" })).ToHaveCountAsync(0);
    }

    private async Task OpenAdministrationAsync(Uri site)
    {
        await SignInPage.SignInAsync(Page, site, "admin@gross-gerau.example");
        await Page.GotoAsync(new Uri(site, "verwaltung").ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Verwaltung", Exact = true, Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Aussehen", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.Locator("input#primary")).ToHaveAttributeAsync("type", "color");
        await Expect(Page.Locator("input#accent")).ToHaveAttributeAsync("type", "color");
        await Expect(Page.Locator("input#primary")).ToHaveValueAsync("#00527a");
    }

    /// <summary>The public feed, as an anonymous visitor with an empty cache sees it.</summary>
    private async Task ExpectPublicHeaderAsync(Uri feed, string headerColour)
    {
        var visitor = await NewAnonymousPageAsync();
        var requests = new RequestRecorder(visitor.Context);
        var response = await visitor.GotoAsync(feed.ToString());

        Assert.Equal(200, response?.Status);
        await Expect(visitor.Locator("body > header.site-header")).ToHaveCSSAsync("background-color", headerColour);
        requests.AssertAllOnOriginOf(feed);
    }
}

public sealed class SqliteChangeBrandingTests(BrowserApp app, ChromiumFixture chromium) : ChangeBrandingTests<BrowserApp>(app, chromium);

public sealed class PostgresChangeBrandingTests(PostgresBrowserApp app, ChromiumFixture chromium) : ChangeBrandingTests<PostgresBrowserApp>(app, chromium);
