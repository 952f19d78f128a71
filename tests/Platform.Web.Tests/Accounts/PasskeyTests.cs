using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Accounts;

/// <summary>
/// Passkeys with Chromium's virtual authenticator (WebAuthn over the DevTools protocol): a real key pair, a real
/// attestation and assertion, only the fingerprint is simulated. WebAuthn needs a secure context and a domain as
/// relying party: the tenant is addressed by its host (<c>http://{slug}.localhost</c> counts as secure).
/// </summary>
public sealed class PasskeyTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    public override async Task InitializeAsync()
    {
        await App.ResetAsync();
        await base.InitializeAsync();
        var devTools = await Context.NewCDPSessionAsync(Page);
        await devTools.SendAsync("WebAuthn.enable");
        await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }

    [Fact]
    public async Task A_person_adds_a_passkey_renames_it_signs_in_with_it_and_removes_it()
    {
        var site = App.TenantByHost("gross-gerau");
        var requests = new RequestRecorder(Context);
        await SignInPage.SignInAsync(Page, site, "redaktion@gross-gerau.example");

        await Page.GotoAsync(new Uri(site, "konto/sicherheit").ToString());
        await Expect(Page.GetByText("Du hast noch keinen Passkey.")).ToBeVisibleAsync();
        await Page.GetByLabel("Name für den neuen Passkey (zum Beispiel „Handy“)", new() { Exact = true }).FillAsync("Laptop");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Passkey hinzufügen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Der Passkey ist gespeichert." })).ToBeVisibleAsync();
        var name = Page.GetByLabel(new Regex("^Name des Passkeys"));
        await Expect(name).ToHaveValueAsync("Laptop");

        await name.FillAsync("Arbeitsrechner");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Umbenennen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Der Passkey ist umbenannt." })).ToBeVisibleAsync();
        await Expect(Page.GetByLabel(new Regex("^Name des Passkeys"))).ToHaveValueAsync("Arbeitsrechner");
        // A passkey is a second factor: the staff notice is gone.
        await Expect(Page.GetByText("Zum Veröffentlichen brauchst du einen zweiten Faktor")).ToHaveCountAsync(0);

        // Signed out, the passkey alone signs in, and the session counts as signed in with a second factor.
        await Page.GotoAsync(new Uri(site, "meine-daten").ToString());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Abmelden", Exact = true }).ClickAsync();
        await UntilUrlAsync(Page, new Regex("^" + Regex.Escape(site.ToString()) + "$"));
        await Page.GotoAsync(SignInPage.Address(site).ToString());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Mit Passkey anmelden", Exact = true }).ClickAsync();
        await UntilUrlAsync(Page, new Regex("^" + Regex.Escape(site.ToString()) + "$"));
        var me = await Page.GotoAsync(new Uri(site, "api/v1/auth/me").ToString());
        var account = JsonDocument.Parse(await me!.TextAsync()).RootElement;
        Assert.Equal("redaktion@gross-gerau.example", account.GetProperty("email").GetString());
        Assert.True(account.GetProperty("secondFactor").GetBoolean());

        await Page.GotoAsync(new Uri(site, "konto/sicherheit").ToString());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Entfernen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Der Passkey ist entfernt." })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Du hast noch keinen Passkey.")).ToBeVisibleAsync();

        requests.AssertAllOnOriginOf(site);
    }
}
