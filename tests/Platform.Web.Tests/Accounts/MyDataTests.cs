using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Accounts;

/// <summary>
/// "Meine Daten": a young person registers (and confirms the address from the e-mail), takes their data with them,
/// and deletes the account again.
/// </summary>
public abstract partial class MyDataTests<TApp>(TApp app, ChromiumFixture chromium) : BrowserTest<TApp>(app, chromium)
    where TApp : BrowserApp
{
    private const string Email = "mika@example.org";
    private const string DisplayName = "Mika";
    private const string Password = "Ein langer Satz als Passwort";

    public override async Task InitializeAsync()
    {
        await App.ResetAsync();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task A_young_person_registers_confirms_downloads_their_data_signs_out_and_in_again_and_deletes_the_account()
    {
        var site = App.TenantByPrefix("offenbach");
        var myData = new Uri(site, "meine-daten").ToString();
        var requests = new RequestRecorder(Context);

        // Register with the minimum: no age confirmation.
        await Page.GotoAsync(new Uri(site, "registrieren").ToString());
        var register = Page.Locator("main form");
        await register.GetByLabel("E-Mail-Adresse", new() { Exact = true }).FillAsync(Email);
        await register.GetByLabel("Wie dürfen wir dich nennen?", new() { Exact = true }).FillAsync(DisplayName);
        await register.GetByLabel("Passwort (mindestens 8 Zeichen, gern ein ganzer Satz)", new() { Exact = true }).FillAsync(Password);
        await Expect(register.GetByLabel(new Regex("^Ich bin 16 Jahre oder älter"))).Not.ToBeCheckedAsync();
        await register.GetByRole(AriaRole.Button, new() { Name = "Konto anlegen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Wir haben dir eine E-Mail an {Email} geschickt");

        // Until the address is confirmed, signing in is refused with the answer a wrong password gets (ADR-020), which
        // says what to do after registering.
        await SignInPage.SubmitAsync(Page, site, Email, Password);
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("bestätige zuerst deine Adresse");

        // The link in the e-mail confirms the address, in the same jobcenter under its own host name (ADR-023); the
        // person opens it from their mail app.
        var mail = await App.Mail.WaitForMessageToAsync(Email);
        var link = ConfirmationLink().Match(mail.Text).Value;
        Assert.StartsWith(new Uri(App.TenantByHost("offenbach"), "email-bestaetigen?").ToString(), link, StringComparison.Ordinal);
        var mailApp = await NewAnonymousPageAsync();
        await mailApp.GotoAsync(link);
        await Expect(mailApp.GetByRole(AriaRole.Heading, new() { Name = "E-Mail-Adresse bestätigt", Level = 1 })).ToBeVisibleAsync();

        // Signing in now works; from "Meine Daten" it returns there.
        await Page.GotoAsync(myData);
        await SignInPage.FillAndSubmitAsync(Page, Email, Password);
        await Expect(Page).ToHaveURLAsync(myData);
        await ExpectMyDataPageAsync();
        await Expect(Page.Locator("dl.facts")).ToContainTextAsync(Email);
        await Expect(Page.Locator("dl.facts")).ToContainTextAsync("nein");
        await Expect(Page.Locator(".account-nav").GetByRole(AriaRole.Link, new() { Name = "Meine Daten", Exact = true })).ToBeVisibleAsync();

        // Download everything as JSON.
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Alle meine Daten herunterladen (JSON)", Exact = true }).ClickAsync());
        Assert.Matches(ExportFileName(), download.SuggestedFilename);
        Assert.StartsWith(new Uri(site, "api/v1/me/data").ToString(), download.Url, StringComparison.Ordinal);
        var json = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains(Email, json, StringComparison.Ordinal);
        Assert.Contains(DisplayName, json, StringComparison.Ordinal);
        Assert.Contains("confirmedAtLeast16", json, StringComparison.Ordinal);
        var account = JsonDocument.Parse(json).RootElement.GetProperty("account");
        Assert.Equal(Email, account.GetProperty("email").GetString());
        Assert.Equal(DisplayName, account.GetProperty("displayName").GetString());
        Assert.False(account.GetProperty("confirmedAtLeast16").GetBoolean());

        // Sign out: "Meine Daten" now asks for the sign-in.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Abmelden", Exact = true }).ClickAsync();
        await UntilUrlAsync(Page, new Regex("^" + Regex.Escape(site.ToString()) + "$"));
        await Expect(Page.Locator(".account-nav").GetByRole(AriaRole.Link, new() { Name = "Anmelden", Exact = true })).ToBeVisibleAsync();
        await Page.GotoAsync(myData);
        await Expect(Page).ToHaveURLAsync(new Regex("/t/offenbach/anmelden\\?"));

        // Sign in again on the sign-in page it was sent to: back to "Meine Daten".
        await SignInPage.FillAndSubmitAsync(Page, Email, Password);
        await Expect(Page).ToHaveURLAsync(myData);
        await ExpectMyDataPageAsync();

        // Delete the account: without the password nothing happens, with it the account is gone and the page says so.
        var delete = Page.GetByRole(AriaRole.Button, new() { Name = "Konto löschen", Exact = true });
        await delete.ClickAsync();
        await Expect(Page.Locator(".form-errors[role=alert]")).ToHaveTextAsync("Bitte gib zur Bestätigung dein Passwort ein.");
        await ExpectMyDataPageAsync();

        await Page.GetByLabel("Dein Passwort (zur Bestätigung)", new() { Exact = true }).FillAsync(Password);
        await delete.ClickAsync();
        await UntilUrlAsync(Page, new Regex("^" + Regex.Escape(site.ToString()) + "konto-geloescht$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dein Konto ist gelöscht", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.Locator(".account-nav").GetByRole(AriaRole.Link, new() { Name = "Anmelden", Exact = true })).ToBeVisibleAsync();

        // The same credentials no longer work.
        await SignInPage.SubmitAsync(Page, site, Email, Password);
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("E-Mail-Adresse oder Passwort stimmen nicht.");
        await Expect(Page).ToHaveURLAsync(SignInPage.Address(site).ToString());
        await Page.GotoAsync(myData);
        await Expect(Page).ToHaveURLAsync(new Regex("/t/offenbach/anmelden\\?"));

        requests.AssertAllOnOriginOf(site);
        Assert.All(requests.Requests, r => Assert.StartsWith("/t/offenbach/", r.AbsolutePath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_young_person_who_registered_without_it_confirms_being_16_later_and_the_export_shows_when()
    {
        var site = App.TenantByHost("gross-gerau");
        await Page.GotoAsync(new Uri(site, "registrieren").ToString());
        var register = Page.Locator("main form");
        await register.GetByLabel("E-Mail-Adresse", new() { Exact = true }).FillAsync(Email);
        await register.GetByLabel("Wie dürfen wir dich nennen?", new() { Exact = true }).FillAsync(DisplayName);
        await register.GetByLabel("Passwort (mindestens 8 Zeichen, gern ein ganzer Satz)", new() { Exact = true }).FillAsync(Password);
        await register.GetByRole(AriaRole.Button, new() { Name = "Konto anlegen", Exact = true }).ClickAsync();
        await Page.GotoAsync(ConfirmationLink().Match((await App.Mail.WaitForMessageToAsync(Email)).Text).Value);
        await SignInPage.SignInAsync(Page, site, Email, Password);
        await Page.GotoAsync(new Uri(site, "meine-daten").ToString());
        await ExpectMyDataPageAsync();
        var facts = Page.Locator("dl.facts");
        await Expect(facts).ToContainTextAsync("nein");

        // Without the tick nothing is recorded; with it the consent and its time are.
        var confirm = Page.GetByRole(AriaRole.Button, new() { Name = "Bestätigen", Exact = true });
        await confirm.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Bitte setze das Häkchen, wenn du 16 Jahre oder älter bist.");
        await Page.GetByLabel("Ich bin 16 Jahre oder älter.", new() { Exact = true }).CheckAsync();
        await confirm.ClickAsync();
        await Expect(facts).ToContainTextAsync(new Regex(@"ja, am \d"));
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Bestätigen", Exact = true })).ToHaveCountAsync(0);

        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Alle meine Daten herunterladen (JSON)", Exact = true }).ClickAsync());
        var export = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync())).RootElement;
        Assert.True(export.GetProperty("account").GetProperty("confirmedAtLeast16").GetBoolean());
        var at = export.GetProperty("account").GetProperty("confirmedAtLeast16At").GetDateTime();
        var consent = Assert.Single(export.GetProperty("consents").EnumerateArray());
        Assert.True(consent.GetProperty("given").GetBoolean());
        Assert.Equal(at, consent.GetProperty("at").GetDateTime());
    }

    private async Task ExpectMyDataPageAsync()
    {
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Meine Daten", Exact = true, Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText($"Hallo {DisplayName}!")).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"^meine-daten-\d{4}-\d{2}-\d{2}\.json$")]
    private static partial Regex ExportFileName();

    [GeneratedRegex(@"https?://\S+/email-bestaetigen\?\S+", RegexOptions.CultureInvariant)]
    private static partial Regex ConfirmationLink();
}

public sealed class SqliteMyDataTests(BrowserApp app, ChromiumFixture chromium) : MyDataTests<BrowserApp>(app, chromium);

public sealed class PostgresMyDataTests(PostgresBrowserApp app, ChromiumFixture chromium) : MyDataTests<PostgresBrowserApp>(app, chromium);
