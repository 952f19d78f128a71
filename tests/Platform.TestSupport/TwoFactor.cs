using System.Collections.Concurrent;
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
    /// (<see langword="null"/>: a platform account such as the PlatformAdmin) the way the security page does (a new key,
    /// confirmed with a valid code, which is then used up) and returns the shared key (Base32).
    /// </summary>
    public static Task<string> EnableTotpAsync(PlatformApp app, string? slug, string email) =>
        InScopeAsync(app, slug, async services =>
        {
            var users = services.GetRequiredService<UserManager<PlatformUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email} in {slug ?? "the platform"}.");
            await users.ResetAuthenticatorKeyAsync(user);
            var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("Identity created no key.");
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, NextCode(key, app.Clock)))
            {
                throw new InvalidOperationException("Identity refused a code computed from its own key.");
            }

            await users.SetTwoFactorEnabledAsync(user, true);
            return key;
        });

    /// <summary>Turns the authenticator app off again, as the security page does: the account signs in with its password alone.</summary>
    public static Task DisableTotpAsync(PlatformApp app, string? slug, string email) =>
        InScopeAsync(app, slug, async services =>
        {
            var users = services.GetRequiredService<UserManager<PlatformUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email} in {slug}.");
            await users.SetTwoFactorEnabledAsync(user, false);
            return true;
        });

    /// <summary>
    /// The current six-digit code for the shared key, as the app shows it (spaces in the key are ignored). The platform
    /// accepts each code once: use <see cref="NextCode"/> for a code that is to succeed. <paramref name="clock"/>: the
    /// platform's clock when a test moves it (<see cref="PlatformApp.Clock"/>); the app and the platform agree on the time.
    /// </summary>
    public static string CodeFor(string sharedKey, TimeProvider? clock = null) => CodeAt(sharedKey, CurrentStep(clock));

    /// <summary>
    /// A code the platform has not seen yet: the current one, or, when a test already used it, the app's code of a
    /// coming 30-second step (the platform accepts two steps of clock drift), so that a test need not wait for the clock.
    /// </summary>
    public static string NextCode(string sharedKey, TimeProvider? clock = null)
    {
        var key = Normalize(sharedKey);
        var now = CurrentStep(clock);
        var step = LastUsedSteps.AddOrUpdate(key, _ => now, (_, last) => Math.Max(last + 1, now));
        if (step > now + 2)
        {
            throw new InvalidOperationException("More than three codes of one key within 30 seconds: the platform would refuse the next one.");
        }

        return CodeAt(key, step);
    }

    /// <summary>Signs in over the API with password and a current code; returns the bearer token.</summary>
    public static async Task<string> SignInWithTotpAsync(HttpClient client, string email, string password, string sharedKey, TimeProvider? clock = null)
    {
        using var response = await client.PostAsJsonAsync("api/v1/auth/login", new { email, password, twoFactorCode = NextCode(sharedKey, clock) });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"login {email} with TOTP: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Enables TOTP for a (demo) account and signs it in over the API with a code: a staff session that may publish.</summary>
    public static async Task<string> SignInWithSecondFactorAsync(PlatformApp app, HttpClient client, string? slug, string email, string password)
    {
        var key = await EnableTotpAsync(app, slug, email);
        return await SignInWithTotpAsync(client, email, password, key, app.Clock);
    }

    private static readonly ConcurrentDictionary<string, long> LastUsedSteps = new(StringComparer.Ordinal);

    private static long CurrentStep(TimeProvider? clock) => (clock ?? TimeProvider.System).GetUtcNow().ToUnixTimeSeconds() / 30;

    private static string Normalize(string sharedKey) => sharedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    private static string CodeAt(string sharedKey, long step) =>
        new Totp(Base32Encoding.ToBytes(Normalize(sharedKey))).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);

    private static async Task<T> InScopeAsync<T>(PlatformApp app, string? slug, Func<IServiceProvider, Task<T>> work)
    {
        if (slug is not null)
        {
            return await app.InTenantAsync(slug, work);
        }

        // The platform's own accounts live outside every tenant.
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
