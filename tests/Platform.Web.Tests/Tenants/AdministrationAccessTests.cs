using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.TestSupport;
using Platform.Web.Tests.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Tenants;

/// <summary>Only a jobcenter's TenantAdmin reaches <c>verwaltung</c>; only a PlatformAdmin reaches <c>plattform</c>.</summary>
public sealed class AdministrationAccessTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    [Theory]
    [InlineData("gross-gerau", TenantAddressing.Host, "jana")]
    [InlineData("offenbach", TenantAddressing.PathPrefix, "jana")]
    [InlineData("offenbach", TenantAddressing.PathPrefix, "redaktion")]
    public async Task A_signed_in_person_who_is_not_the_admin_is_turned_away_from_the_administration(string slug, TenantAddressing addressing, string account)
    {
        var site = App.Tenant(slug, addressing);
        var requests = new RequestRecorder(Context);
        await SignInPage.SignInAsync(Page, site, $"{account}@{slug}.example");
        await Expect(Page).ToHaveURLAsync(site.ToString());

        await Page.GotoAsync(new Uri(site, "verwaltung").ToString());

        // The cookie handler sends the person to the access-denied path of the same jobcenter.
        var returnUrl = Uri.EscapeDataString(new Uri(site, "verwaltung").AbsolutePath);
        await Expect(Page).ToHaveURLAsync(new Uri(site, $"kein-zugriff?ReturnUrl={returnUrl}").ToString());
        await ExpectNothingOfTheAdministrationAsync();
        requests.AssertAllOnOriginOf(site);
    }

    [Fact]
    public async Task A_young_person_is_turned_away_from_the_platform_administration()
    {
        var site = App.TenantByHost("gross-gerau");
        await SignInPage.SignInAsync(Page, site, "jana@gross-gerau.example");

        await Page.GotoAsync(new Uri(site, "plattform").ToString());

        await Expect(Page).ToHaveURLAsync(new Regex("/kein-zugriff\\?ReturnUrl=%2Fplattform$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Jobcenter auf der Plattform" })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Anlegen und Leitung einladen" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_asked_to_sign_in_and_the_admin_then_lands_on_the_administration()
    {
        var site = App.TenantByPrefix("offenbach");
        var requests = new RequestRecorder(Context);

        await Page.GotoAsync(new Uri(site, "verwaltung").ToString());

        await Expect(Page).ToHaveURLAsync(new Uri(site, "anmelden?ReturnUrl=%2Ft%2Foffenbach%2Fverwaltung").ToString());
        await ExpectNothingOfTheAdministrationAsync();

        await SignInPage.FillAndSubmitAsync(Page, "admin@offenbach.example", SignInPage.DemoPassword);

        await Expect(Page).ToHaveURLAsync(new Uri(site, "verwaltung").ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Verwaltung", Exact = true, Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.Locator("input#primary")).ToHaveValueAsync("#7a1f3d");
        await Expect(Page.Locator(".account-nav").GetByRole(AriaRole.Link, new() { Name = "Verwaltung", Exact = true })).ToBeVisibleAsync();
        requests.AssertAllOnOriginOf(site);
    }

    [Fact]
    public async Task The_admin_of_one_jobcenter_cannot_sign_in_at_the_other()
    {
        var offenbach = App.TenantByPrefix("offenbach");

        await SignInPage.SubmitAsync(Page, offenbach, "admin@gross-gerau.example", SignInPage.DemoPassword);

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("E-Mail-Adresse oder Passwort stimmen nicht.");
        await Page.GotoAsync(new Uri(offenbach, "verwaltung").ToString());
        await Expect(Page).ToHaveURLAsync(new Regex("/t/offenbach/anmelden\\?ReturnUrl="));
    }

    [Fact]
    public async Task The_platform_admin_signs_in_on_the_bare_host_with_a_second_factor_and_sees_every_jobcenter()
    {
        var bare = App.ServerAddress;
        var requests = new RequestRecorder(Context);

        // With the password alone the administration stays closed, and the page says what is missing.
        await Page.GotoAsync(new Uri(bare, "plattform").ToString());
        await Expect(Page).ToHaveURLAsync(new Uri(bare, "anmelden?ReturnUrl=%2Fplattform").ToString());
        await SignInPage.FillAndSubmitAsync(Page, "admin@plattform.example", SignInPage.DemoPassword);
        await Expect(Page).ToHaveURLAsync(new Regex("/kein-zugriff\\?ReturnUrl=%2Fplattform$"));
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Zweiten Faktor einrichten" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Jobcenter auf der Plattform" })).ToHaveCountAsync(0);

        var key = await TwoFactor.EnableTotpAsync(App, null, "admin@plattform.example");
        await Context.ClearCookiesAsync();
        await Page.GotoAsync(new Uri(bare, "anmelden?ReturnUrl=%2Fplattform").ToString());
        await SignInPage.FillAndSubmitAsync(Page, "admin@plattform.example", SignInPage.DemoPassword);
        await ChromiumTest.UntilUrlAsync(Page, new Regex(@"/anmelden/zweiter-faktor(\?|$)"));
        await Page.Locator("main form").GetByLabel("Code", new() { Exact = true }).FillAsync(TwoFactor.NextCode(key));
        await Page.Locator("main form").GetByRole(AriaRole.Button, new() { Name = "Bestätigen", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Uri(bare, "plattform").ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Jobcenter auf der Plattform", Level = 1 })).ToBeVisibleAsync();
        var rows = Page.Locator("table.list tbody tr");
        await Expect(rows.Filter(new() { HasText = "Kommunales Jobcenter Groß-Gerau" })).ToContainTextAsync("/t/gross-gerau/");
        await Expect(rows.Filter(new() { HasText = "Jobcenter MainArbeit Offenbach" })).ToContainTextAsync("/t/offenbach/");
        requests.AssertAllOnOriginOf(bare);
    }

    private async Task ExpectNothingOfTheAdministrationAsync()
    {
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Verwaltung", Exact = true })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Aussehen", Exact = true })).ToHaveCountAsync(0);
        await Expect(Page.Locator("input#primary")).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Übernehmen" })).ToHaveCountAsync(0);
    }
}
