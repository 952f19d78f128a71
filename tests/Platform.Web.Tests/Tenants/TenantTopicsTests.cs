using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.Web.Tests.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Tenants;

/// <summary>A TenantAdmin adds an own topic on <c>verwaltung</c>; editors tick it; the feed shows it as a chip (ADR-017).</summary>
public sealed class TenantTopicsTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    public override async Task InitializeAsync()
    {
        await App.ResetAsync();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task The_admin_adds_a_topic_the_editor_ticks_it_and_the_feed_shows_its_chip()
    {
        var site = App.TenantByPrefix("gross-gerau");
        await SignInPage.SignInAsync(Page, site, "admin@gross-gerau.example");
        await Page.GotoAsync(new Uri(site, "verwaltung").ToString());

        await Page.GetByLabel("Name (höchstens 40 Zeichen)").FillAsync("Gesundheit");
        await Page.GetByLabel("Kurzform für Adressen", new() { Exact = false }).FillAsync("gesundheit");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Thema anlegen" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Das Thema „Gesundheit“ ist angelegt.");
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "gesundheit", Exact = true })).ToBeVisibleAsync();

        await Page.GetByLabel("Name (höchstens 40 Zeichen)").FillAsync("Noch einmal");
        await Page.GetByLabel("Kurzform für Adressen", new() { Exact = false }).FillAsync("gesundheit");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Thema anlegen" }).ClickAsync();
        await Expect(Page.GetByText("Diese Kurzform gibt es schon.")).ToBeVisibleAsync();

        await Context.ClearCookiesAsync();
        await SignInPage.SignInAsync(Page, site, "redaktion@gross-gerau.example");
        await Page.GotoAsync(new Uri(site, "redaktion/beitraege/neu").ToString());
        await Page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Fit in den Job");
        await Page.GetByLabel("Text (Markdown)").FillAsync("Sport hilft.");
        await Page.GetByLabel("Gesundheit", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Der Beitrag ist angelegt.");
        await UntilUrlAsync(Page, new Regex("/redaktion/beitraege/[0-9a-f-]{36}"));
        await Page.ReloadAsync();
        await Expect(Page.GetByLabel("Gesundheit", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(Page.GetByLabel("Jobsuche", new() { Exact = true })).Not.ToBeCheckedAsync();

        await Context.ClearCookiesAsync();
        await Page.GotoAsync(site.ToString());
        var chips = Page.GetByRole(AriaRole.Navigation, new() { Name = "Themen" });
        await Expect(chips.GetByRole(AriaRole.Link, new() { Name = "Gesundheit", Exact = true })).ToHaveAttributeAsync("href", "?topic=gesundheit");
        await chips.GetByRole(AriaRole.Link, new() { Name = "Gesundheit", Exact = true }).ClickAsync();
        await UntilUrlAsync(Page, new Regex("\\?topic=gesundheit$"));
        await Expect(chips.GetByRole(AriaRole.Link, new() { Name = "Gesundheit", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
    }
}
