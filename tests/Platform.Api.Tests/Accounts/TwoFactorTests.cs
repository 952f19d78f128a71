using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Platform.Infrastructure.Identity;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Accounts;

/// <summary>
/// The second factor over the API: an authenticator app's codes (real TOTP computed from the shared key) or recovery
/// codes, and <c>/me</c> saying whether the session was signed in with one (the <c>SecondFactor</c> policy).
/// </summary>
public abstract class TwoFactorTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string Staff = "redaktion@gross-gerau.example";

    [Fact]
    public async Task A_password_only_session_has_no_second_factor_and_a_TOTP_session_has_one()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var passwordOnly = await SignInAsync(client, Staff);
        Assert.False((await GetJsonAsync(client, passwordOnly, "api/v1/auth/me")).GetProperty("secondFactor").GetBoolean());

        var key = await TwoFactor.EnableTotpAsync(App, "gross-gerau", Staff);
        var token = await TwoFactor.SignInWithTotpAsync(client, Staff, DatabaseInitializer.DemoPassword, key);

        var me = await GetJsonAsync(client, token, "api/v1/auth/me");
        Assert.True(me.GetProperty("secondFactor").GetBoolean());
        Assert.Equal(Staff, me.GetProperty("email").GetString());
    }

    [Fact]
    public async Task With_a_second_factor_the_password_alone_gets_a_clear_problem_and_a_wrong_code_another()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var key = await TwoFactor.EnableTotpAsync(App, "gross-gerau", Staff);
        var wrong = TwoFactor.CodeFor(key) == "000000" ? "111111" : "000000";

        using var passwordOnly = await client.PostAsJsonAsync("api/v1/auth/login", new { email = Staff, password = DatabaseInitializer.DemoPassword });
        using var wrongCode = await client.PostAsJsonAsync("api/v1/auth/login", new { email = Staff, password = DatabaseInitializer.DemoPassword, twoFactorCode = wrong });
        using var wrongPassword = await client.PostAsJsonAsync("api/v1/auth/login", new { email = Staff, password = "ein falsches Passwort", twoFactorCode = TwoFactor.CodeFor(key) });

        Assert.Equal(HttpStatusCode.Unauthorized, passwordOnly.StatusCode);
        Assert.Equal("application/problem+json", passwordOnly.Content.Headers.ContentType?.MediaType);
        var required = await ReadJsonAsync(passwordOnly);
        Assert.Equal("second-factor-required", required.GetProperty("reason").GetString());
        Assert.Equal("Zweiter Faktor erforderlich.", required.GetProperty("title").GetString());
        Assert.False(required.TryGetProperty("accessToken", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);
        Assert.Equal("second-factor-invalid", (await ReadJsonAsync(wrongCode)).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.False((await ReadJsonAsync(wrongPassword)).TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_with_a_second_factor_once()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        await TwoFactor.EnableTotpAsync(App, "gross-gerau", Staff);
        var codes = await App.InTenantAsync("gross-gerau", async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PlatformUser>>();
            return (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(Staff))!, 2))!.ToList();
        });

        using var first = await client.PostAsJsonAsync("api/v1/auth/login", new { email = Staff, password = DatabaseInitializer.DemoPassword, recoveryCode = codes[0] });
        using var again = await client.PostAsJsonAsync("api/v1/auth/login", new { email = Staff, password = DatabaseInitializer.DemoPassword, recoveryCode = codes[0] });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var token = (await ReadJsonAsync(first)).GetProperty("accessToken").GetString()!;
        Assert.True((await GetJsonAsync(client, token, "api/v1/auth/me")).GetProperty("secondFactor").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("second-factor-invalid", (await ReadJsonAsync(again)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_code_of_the_authenticator_app_signs_in_once_and_its_replay_is_refused()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var key = await TwoFactor.EnableTotpAsync(App, "gross-gerau", Staff);
        var code = TwoFactor.NextCode(key);
        var body = new { email = Staff, password = DatabaseInitializer.DemoPassword, twoFactorCode = code };

        using var first = await client.PostAsJsonAsync("api/v1/auth/login", body);
        using var replay = await client.PostAsJsonAsync("api/v1/auth/login", body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("second-factor-invalid", (await ReadJsonAsync(replay)).GetProperty("reason").GetString());

        // The app's next code still works: only the used one (and older ones) are refused.
        Assert.NotNull(await TwoFactor.SignInWithTotpAsync(client, Staff, DatabaseInitializer.DemoPassword, key));
    }

    [Fact]
    public async Task Of_concurrent_sign_ins_with_one_code_exactly_one_succeeds()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var key = await TwoFactor.EnableTotpAsync(App, "gross-gerau", Staff);
        var code = TwoFactor.NextCode(key);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var response = await client.PostAsJsonAsync(
                "api/v1/auth/login", new { email = Staff, password = DatabaseInitializer.DemoPassword, twoFactorCode = code });
            return response.StatusCode;
        }));

        Assert.Equal(1, attempts.Count(s => s == HttpStatusCode.OK));
        Assert.All(attempts.Where(s => s != HttpStatusCode.OK), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
    }

    [Fact]
    public async Task A_refreshed_token_keeps_the_second_factor_of_its_sign_in()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var key = await TwoFactor.EnableTotpAsync(App, "gross-gerau", Staff);
        using var login = await client.PostAsJsonAsync("api/v1/auth/login", new { email = Staff, password = DatabaseInitializer.DemoPassword, twoFactorCode = TwoFactor.NextCode(key) });
        var refreshToken = (await ReadJsonAsync(login)).GetProperty("refreshToken").GetString();

        using var refreshed = await client.PostAsJsonAsync("api/v1/auth/refresh", new { refreshToken });

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var token = (await ReadJsonAsync(refreshed)).GetProperty("accessToken").GetString()!;
        Assert.True((await GetJsonAsync(client, token, "api/v1/auth/me")).GetProperty("secondFactor").GetBoolean());
    }
}

public sealed class SqliteTwoFactorTests(SqliteApp app) : TwoFactorTests<SqliteApp>(app);

public sealed class PostgresTwoFactorTests(PostgresApp app) : TwoFactorTests<PostgresApp>(app);
