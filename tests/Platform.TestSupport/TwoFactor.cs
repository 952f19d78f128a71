using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Platform.Infrastructure.Identity;

namespace Platform.TestSupport;

/// <summary>
/// The second factor as a person with an authenticator app has it: a shared key stored by Identity and real RFC 6238
/// codes computed from it (Otp.NET), no back door. For sign-in in a browser see <c>SignInPage.SignInWithTotpAsync</c>
/// in the browser tests.
/// </summary>
public static class TwoFactor
{
    /// <summary>
    /// Sets up an authenticator app for the account with <paramref name="email"/> in the tenant <paramref name="slug"/>
    /// the way the security page does (a new key, confirmed with a valid code) and returns the shared key (Base32).
    /// </summary>
    public static Task<string> EnableTotpAsync(PlatformApp app, string slug, string email) =>
        app.InTenantAsync(slug, async services =>
        {
            var users = services.GetRequiredService<UserManager<PlatformUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email} in {slug}.");
            await users.ResetAuthenticatorKeyAsync(user);
            var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("Identity created no key.");
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, CodeFor(key)))
            {
                throw new InvalidOperationException("Identity refused a code computed from its own key.");
            }

            await users.SetTwoFactorEnabledAsync(user, true);
            return key;
        });

    /// <summary>Turns the authenticator app off again, as the security page does: the account signs in with its password alone.</summary>
    public static Task DisableTotpAsync(PlatformApp app, string slug, string email) =>
        app.InTenantAsync(slug, async services =>
        {
            var users = services.GetRequiredService<UserManager<PlatformUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email} in {slug}.");
            await users.SetTwoFactorEnabledAsync(user, false);
        });

    /// <summary>The current six-digit code for the shared key, as the app shows it (spaces in the key are ignored).</summary>
    public static string CodeFor(string sharedKey) =>
        new Totp(Base32Encoding.ToBytes(sharedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp();

    /// <summary>Signs in over the API with password and a current code; returns the bearer token.</summary>
    public static async Task<string> SignInWithTotpAsync(HttpClient client, string email, string password, string sharedKey)
    {
        using var response = await client.PostAsJsonAsync("api/v1/auth/login", new { email, password, twoFactorCode = CodeFor(sharedKey) });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"login {email} with TOTP: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Enables TOTP for a (demo) account and signs it in over the API with a code: a staff session that may publish.</summary>
    public static async Task<string> SignInWithSecondFactorAsync(PlatformApp app, HttpClient client, string slug, string email, string password)
    {
        var key = await EnableTotpAsync(app, slug, email);
        return await SignInWithTotpAsync(client, email, password, key);
    }
}
