using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Web.Tests.Accounts;

/// <summary>The sign-in form (<c>anmelden</c>) as a person fills it in.</summary>
public static class SignInPage
{
    public const string DemoPassword = DatabaseInitializer.DemoPassword;

    public static Uri Address(Uri site) => new(site, "anmelden");

    /// <summary>Opens the sign-in page of <paramref name="site"/> and submits the form; does not wait for the outcome.</summary>
    public static async Task SubmitAsync(IPage page, Uri site, string email, string password)
    {
        await page.GotoAsync(Address(site).ToString());
        await FillAndSubmitAsync(page, email, password);
    }

    /// <summary>Fills in and submits the sign-in form the page already shows.</summary>
    public static async Task FillAndSubmitAsync(IPage page, string email, string password)
    {
        var form = page.Locator("main form");
        await form.GetByLabel("E-Mail-Adresse", new() { Exact = true }).FillAsync(email);
        await form.GetByLabel("Passwort", new() { Exact = true }).FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
    }

    /// <summary>
    /// Signs in an account with an authenticator app: password first, then a current code computed from
    /// <paramref name="sharedKey"/> (see <see cref="TestSupport.TwoFactor"/>) on the second step; waits until the browser
    /// has left the sign-in pages. <paramref name="clock"/>: the platform's clock when the test moves it.
    /// </summary>
    public static async Task SignInWithTotpAsync(IPage page, Uri site, string email, string sharedKey, string password = DemoPassword, TimeProvider? clock = null)
    {
        await SubmitAsync(page, site, email, password);
        await ChromiumTest.UntilUrlAsync(page, new Regex(@"/anmelden/zweiter-faktor(\?|$)"));
        var form = page.Locator("main form");
        await form.GetByLabel("Code", new() { Exact = true }).FillAsync(TwoFactor.NextCode(sharedKey, clock));
        await form.GetByRole(AriaRole.Button, new() { Name = "Bestätigen", Exact = true }).ClickAsync();
        await ChromiumTest.UntilUrlAsync(page, new Regex(@"^(?![^?#]*/anmelden([/?#]|$))"));
    }

    /// <summary>
    /// Sets up the authenticator app for a (demo) staff account and signs in with password and a real code: a session
    /// that may approve, schedule and publish.
    /// </summary>
    public static async Task SignInWithSecondFactorAsync(IPage page, BrowserApp app, Uri site, string? slug, string email)
    {
        var key = await TwoFactor.EnableTotpAsync(app, slug, email);
        await SignInWithTotpAsync(page, site, email, key, clock: app.Clock);
    }

    /// <summary>Signs in and waits until the browser has left the sign-in page.</summary>
    public static async Task SignInAsync(IPage page, Uri site, string email, string password = DemoPassword)
    {
        await SubmitAsync(page, site, email, password);
        await ChromiumTest.UntilUrlAsync(page, new Regex(@"^(?![^?#]*/anmelden([?#]|$))"));
    }
}
