using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Accounts;

/// <summary>
/// A staff member sets up an authenticator app on <c>konto/sicherheit</c> (shared key read from the page, codes computed
/// as the app does), keeps the recovery codes, signs in with the second step, and turns it off again.
/// </summary>
public sealed class SecondFactorTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    private const string Notice = "Zum Veröffentlichen brauchst du einen zweiten Faktor";

    public override async Task InitializeAsync()
    {
        await App.ResetAsync();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task A_staff_member_sets_up_an_authenticator_app_and_then_signs_in_with_its_code()
    {
        var site = App.TenantByPrefix("gross-gerau");
        const string email = "admin@gross-gerau.example";
        await SignInPage.SignInAsync(Page, site, email);
        Assert.False(await SecondFactorOfSessionAsync(site));

        // Without a second factor, the administration and the security page say what is missing.
        await Page.GotoAsync(new Uri(site, "verwaltung").ToString());
        await Expect(Page.GetByText(Notice)).ToBeVisibleAsync();
        await Page.GotoAsync(new Uri(site, "konto/sicherheit").ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sicherheit deines Kontos", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText(Notice)).ToBeVisibleAsync();

        var key = (await Page.Locator("code.shared-key").TextContentAsync())!;
        var qrCode = Page.GetByRole(AriaRole.Img, new() { Name = "QR-Code zum Einrichten der Authenticator-App", Exact = true });
        await Expect(qrCode).ToBeVisibleAsync();
        // Drawn on the server into the page: the strict policy lets it show, nothing is fetched from elsewhere.
        Assert.True(await qrCode.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"));
        await Expect(Page.Locator("code.otpauth-uri")).ToContainTextAsync("otpauth://totp/");
        await Expect(Page.Locator("code.otpauth-uri")).ToContainTextAsync("secret=" + key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());

        // A wrong code is refused; the current one turns the app on and shows the recovery codes once.
        var setUp = Page.Locator("main form").Filter(new() { Has = Page.GetByLabel("Code aus der App", new() { Exact = true }) });
        await setUp.GetByLabel("Code aus der App", new() { Exact = true }).FillAsync(TwoFactor.CodeFor(key) == "000000" ? "111111" : "000000");
        await setUp.GetByRole(AriaRole.Button, new() { Name = "Authenticator-App einschalten", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Der Code stimmt nicht.");
        var sameKey = (await Page.Locator("code.shared-key").TextContentAsync())!;
        Assert.Equal(key, sameKey);
        await setUp.GetByLabel("Code aus der App", new() { Exact = true }).FillAsync(TwoFactor.NextCode(key));
        await setUp.GetByRole(AriaRole.Button, new() { Name = "Authenticator-App einschalten", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.List, new() { Name = "Wiederherstellungscodes" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(10);
        await Expect(Page.GetByText(Notice)).ToHaveCountAsync(0);

        // Shown once: the page no longer lists them.
        await Page.GotoAsync(new Uri(site, "konto/sicherheit").ToString());
        await Expect(Page.GetByText("Noch 10 Wiederherstellungscodes übrig.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.List, new() { Name = "Wiederherstellungscodes" })).ToHaveCountAsync(0);

        // Signing in now asks for the code after the password; a wrong code is refused.
        await SignOutAsync(site);
        await SignInPage.SubmitAsync(Page, site, email, SignInPage.DemoPassword);
        await UntilUrlAsync(Page, new Regex("/t/gross-gerau/anmelden/zweiter-faktor"));
        await Page.Locator("main form").GetByLabel("Code", new() { Exact = true }).FillAsync(TwoFactor.CodeFor(key) == "000000" ? "111111" : "000000");
        await Page.Locator("main form").GetByRole(AriaRole.Button, new() { Name = "Bestätigen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Der Code stimmt nicht");
        await Page.Locator("main form").GetByLabel("Code", new() { Exact = true }).FillAsync(TwoFactor.NextCode(key));
        await Page.Locator("main form").GetByRole(AriaRole.Button, new() { Name = "Bestätigen", Exact = true }).ClickAsync();
        await UntilUrlAsync(Page, new Regex("/t/gross-gerau/meine-daten$"));
        Assert.True(await SecondFactorOfSessionAsync(site));

        // Turned off, the password alone signs in again.
        await Page.GotoAsync(new Uri(site, "konto/sicherheit").ToString());
        await Page.GetByLabel("Ja, ich will die Authenticator-App als zweiten Faktor ausschalten.", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zweiten Faktor ausschalten", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Die Authenticator-App ist ausgeschaltet." })).ToBeVisibleAsync();
        await Expect(Page.GetByText(Notice)).ToBeVisibleAsync();
        await SignOutAsync(site);
        await SignInPage.SignInAsync(Page, site, email);
        await UntilUrlAsync(Page, new Regex("/t/gross-gerau/meine-daten$"));
    }

    [Fact]
    public async Task The_sign_in_helper_signs_in_with_a_code_of_an_app_set_up_by_the_test_support()
    {
        var site = App.TenantByHost("offenbach");
        var key = await TwoFactor.EnableTotpAsync(App, "offenbach", "redaktion@offenbach.example");

        await SignInPage.SignInWithTotpAsync(Page, site, "redaktion@offenbach.example", key);

        Assert.True(await SecondFactorOfSessionAsync(site));
    }

    private async Task SignOutAsync(Uri site)
    {
        await Page.GotoAsync(new Uri(site, "meine-daten").ToString());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Abmelden", Exact = true }).ClickAsync();
        await UntilUrlAsync(Page, new Regex("^" + Regex.Escape(site.ToString()) + "$"));
    }

    /// <summary>What <c>/api/v1/auth/me</c> says about this browser's session (opened in the browser, with its cookie).</summary>
    private async Task<bool> SecondFactorOfSessionAsync(Uri site)
    {
        var response = await Page.GotoAsync(new Uri(site, "api/v1/auth/me").ToString());
        Assert.True(response!.Ok, $"me: {response.Status}");
        return JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("secondFactor").GetBoolean();
    }
}
