using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.Web.Tests.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.ContactRequests;

public sealed partial class ContactPageTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    [Theory]
    [InlineData("gross-gerau", TenantAddressing.Host)]
    [InlineData("offenbach", TenantAddressing.PathPrefix)]
    public async Task Kontakt_is_one_tap_from_the_feed_and_a_question_is_confirmed(string slug, TenantAddressing addressing)
    {
        var site = App.Tenant(slug, addressing);
        var email = $"frage-{slug}@example.org";
        await Page.GotoAsync(site.ToString());

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Kontakt", Exact = true }).ClickAsync();
        await UntilUrlAsync(Page, KontaktPage());

        Assert.StartsWith(site.ToString(), Page.Url, StringComparison.Ordinal);
        var main = Page.Locator("main");
        await Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Kontakt", Exact = true })).ToBeVisibleAsync();
        await Expect(main.Locator("a[href^='tel:']")).ToBeVisibleAsync();
        await main.GetByLabel("Ich habe eine Frage").CheckAsync();
        await main.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await main.GetByLabel("Deine Nachricht").FillAsync("Wie lange dauert die Bearbeitung meines Antrags?");
        await main.GetByLabel("Ich bin einverstanden").CheckAsync();
        await main.GetByRole(AriaRole.Button, new() { Name = "Nachricht senden" }).ClickAsync();

        await Expect(main.GetByRole(AriaRole.Status)).ToContainTextAsync("Deine Nachricht ist angekommen");
        await Expect(main.GetByRole(AriaRole.Status)).ToContainTextAsync("Bestätigung ist per E-Mail");
        var mail = await App.Mail.WaitForMessageToAsync(email);
        Assert.Equal("Deine Nachricht ist angekommen", mail.Subject);
    }

    [Fact]
    public async Task A_callback_without_phone_number_and_consent_is_explained_and_not_sent()
    {
        await Page.GotoAsync(new Uri(App.TenantByHost("gross-gerau"), "kontakt").ToString());
        var main = Page.Locator("main");

        await main.GetByLabel("Bitte ruft mich zurück").CheckAsync();
        await main.GetByLabel("Deine Nachricht").FillAsync("Bitte meldet euch.");
        await main.GetByRole(AriaRole.Button, new() { Name = "Nachricht senden" }).ClickAsync();

        var errors = main.GetByRole(AriaRole.Alert);
        await Expect(errors).ToContainTextAsync("Für einen Rückruf brauchen wir deine Telefonnummer.");
        await Expect(errors).ToContainTextAsync("Bitte stimme zu");
        await Expect(main.GetByLabel("Deine Nachricht")).ToHaveValueAsync("Bitte meldet euch.");
    }

    [Fact]
    public async Task A_barrier_reported_from_the_footer_link_reaches_the_staff_inbox()
    {
        var site = App.TenantByHost("gross-gerau");
        await Page.GotoAsync(site.ToString());
        await Page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Barrierefreiheit", Exact = true }).ClickAsync();
        await UntilUrlAsync(Page, BarrierefreiheitPage());
        var main = Page.Locator("main");
        await Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Erklärung zur Barrierefreiheit" })).ToBeVisibleAsync();

        await main.GetByLabel("Wo bist du auf eine Barriere gestoßen?").FillAsync("Der Kontrast der Themen-Knöpfe ist zu schwach.");
        await main.GetByLabel("Ich bin einverstanden").CheckAsync();
        await main.GetByRole(AriaRole.Button, new() { Name = "Barriere melden" }).ClickAsync();
        await Expect(main.GetByRole(AriaRole.Status)).ToContainTextAsync("Deine Nachricht ist angekommen");

        var staff = await NewAnonymousPageAsync();
        await SignInPage.SignInAsync(staff, site, "redaktion@gross-gerau.example");
        await staff.GotoAsync(new Uri(site, "verwaltung/anfragen").ToString());
        var item = staff.Locator("li.inbox-item", new() { HasText = "Der Kontrast der Themen-Knöpfe ist zu schwach." });
        await Expect(item).ToContainTextAsync("Barriere gemeldet (offen)");
        await item.GetByRole(AriaRole.Button, new() { Name = "Als erledigt markieren" }).ClickAsync();
        await Expect(staff.Locator("li.inbox-item", new() { HasText = "Der Kontrast der Themen-Knöpfe ist zu schwach." })).ToContainTextAsync("(erledigt)");
    }

    [GeneratedRegex(@"/kontakt$")]
    private static partial Regex KontaktPage();

    [GeneratedRegex(@"/barrierefreiheit$")]
    private static partial Regex BarrierefreiheitPage();
}
