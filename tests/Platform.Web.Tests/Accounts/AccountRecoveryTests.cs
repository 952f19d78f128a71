using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Accounts;

/// <summary>
/// "Passwort vergessen" and "Bestätigungs-Mail erneut senden" from the sign-in page, with the mails read from the
/// app's real SMTP sink and their links opened as a person would.
/// </summary>
public sealed partial class AccountRecoveryTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    private const string NewPassword = "Ein ganz neuer Satz als Passwort";

    public override async Task InitializeAsync()
    {
        await App.ResetAsync();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_from_the_mailed_link_and_the_new_one_signs_in()
    {
        var site = App.TenantByPrefix("offenbach");
        const string email = "jana@offenbach.example";
        const string sent = "Wenn es zu dieser Adresse ein bestätigtes Konto gibt, haben wir dir eine E-Mail";

        // An address without an account gets the same answer as one with.
        await Page.GotoAsync(SignInPage.Address(site).ToString());
        await Page.GetByRole(AriaRole.Link, new() { Name = "Passwort vergessen?", Exact = true }).ClickAsync();
        await UntilUrlAsync(Page, new Regex("/t/offenbach/passwort-vergessen$"));
        await RequestResetAsync("niemand@example.org");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync(sent);

        await Page.GotoAsync(new Uri(site, "passwort-vergessen").ToString());
        await RequestResetAsync(email);
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync(sent);

        var mail = await App.Mail.WaitForMessageToAsync(email);
        Assert.Empty(App.Mail.To("niemand@example.org"));
        var link = ResetLink().Match(mail.Text).Value;
        Assert.StartsWith(new Uri(site, "passwort-neu?").ToString(), link, StringComparison.Ordinal);

        await Page.GotoAsync(link);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Neues Passwort setzen", Level = 1 })).ToBeVisibleAsync();
        var form = Page.Locator("main form");
        await Expect(form.GetByLabel("E-Mail-Adresse", new() { Exact = true })).ToHaveValueAsync(email);
        await Expect(form.GetByLabel("Code aus der E-Mail", new() { Exact = true })).Not.ToBeEmptyAsync();
        await form.GetByLabel("Neues Passwort (mindestens 8 Zeichen, gern ein ganzer Satz)", new() { Exact = true }).FillAsync(NewPassword);
        await form.GetByRole(AriaRole.Button, new() { Name = "Passwort speichern", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dein neues Passwort gilt ab sofort.");

        // The link works once; the old password no longer, the new one does.
        await Page.GotoAsync(link);
        await Page.Locator("main form").GetByLabel("Neues Passwort (mindestens 8 Zeichen, gern ein ganzer Satz)", new() { Exact = true }).FillAsync("Noch ein anderer langer Satz");
        await Page.Locator("main form").GetByRole(AriaRole.Button, new() { Name = "Passwort speichern", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Der Code ist ungültig oder abgelaufen.");

        await SignInPage.SubmitAsync(Page, site, email, SignInPage.DemoPassword);
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("E-Mail-Adresse oder Passwort stimmen nicht.");
        await SignInPage.SignInAsync(Page, site, email, NewPassword);
        await Expect(Page).ToHaveURLAsync(new Uri(site, "meine-daten").ToString());
    }

    [Fact]
    public async Task A_new_confirmation_mail_is_sent_from_the_page_and_its_link_confirms_the_address()
    {
        var site = App.TenantByHost("gross-gerau");
        const string email = "nochmal@example.org";
        const string password = "Ein langer Satz als Passwort";
        await Page.GotoAsync(new Uri(site, "registrieren").ToString());
        var register = Page.Locator("main form");
        await register.GetByLabel("E-Mail-Adresse", new() { Exact = true }).FillAsync(email);
        await register.GetByLabel("Wie dürfen wir dich nennen?", new() { Exact = true }).FillAsync("Noah");
        await register.GetByLabel("Passwort (mindestens 8 Zeichen, gern ein ganzer Satz)", new() { Exact = true }).FillAsync(password);
        await register.GetByRole(AriaRole.Button, new() { Name = "Konto anlegen", Exact = true }).ClickAsync();
        await App.Mail.WaitForMessageToAsync(email);

        await Page.GotoAsync(SignInPage.Address(site).ToString());
        await Page.GetByRole(AriaRole.Link, new() { Name = "Bestätigungs-Mail erneut senden", Exact = true }).ClickAsync();
        await UntilUrlAsync(Page, new Regex("/bestaetigung-senden$"));
        await Page.Locator("main form").GetByLabel("E-Mail-Adresse", new() { Exact = true }).FillAsync(email);
        await Page.Locator("main form").GetByRole(AriaRole.Button, new() { Name = "Neuen Link schicken", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Wenn es zu dieser Adresse ein Konto gibt, das noch nicht bestätigt ist");

        var link = ConfirmationLink().Match((await App.Mail.WaitForMessageToAsync(email, count: 2)).Text).Value;
        Assert.StartsWith(new Uri(site, "email-bestaetigen?").ToString(), link, StringComparison.Ordinal);

        // A damaged link confirms nothing and offers a new one.
        await Page.GotoAsync(Regex.Replace(link, "code=[^&]+", "code=kaputt"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Der Bestätigungslink ist ungültig", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Neuen Bestätigungslink schicken lassen" })).ToBeVisibleAsync();

        await Page.GotoAsync(link);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "E-Mail-Adresse bestätigt", Level = 1 })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Zur Anmeldung", Exact = true }).ClickAsync();
        await UntilUrlAsync(Page, new Regex("/anmelden$"));
        await SignInPage.FillAndSubmitAsync(Page, email, password);
        await UntilUrlAsync(Page, new Regex("/meine-daten$"));
    }

    private async Task RequestResetAsync(string email)
    {
        var form = Page.Locator("main form");
        await form.GetByLabel("E-Mail-Adresse", new() { Exact = true }).FillAsync(email);
        await form.GetByRole(AriaRole.Button, new() { Name = "Link schicken", Exact = true }).ClickAsync();
    }

    [GeneratedRegex(@"https?://\S+/passwort-neu\?\S+", RegexOptions.CultureInvariant)]
    private static partial Regex ResetLink();

    [GeneratedRegex(@"https?://\S+/email-bestaetigen\?\S+", RegexOptions.CultureInvariant)]
    private static partial Regex ConfirmationLink();
}
