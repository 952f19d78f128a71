using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Accounts;

public abstract class SignInTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string Password = "Ein langer Satz als Passwort";

    [Fact]
    public async Task A_young_person_registers_with_the_minimum_signs_in_and_sees_their_account()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var registered = await client.PostAsJsonAsync("api/v1/auth/register",
            new { email = "mika@example.org", password = Password, displayName = "Mika", confirmedAtLeast16 = false });
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        await AccountMail.ConfirmAsync(App, client, "mika@example.org");

        var token = await SignInAsync(client, "mika@example.org", Password);
        using var me = await SendAsync(client, HttpMethod.Get, "api/v1/auth/me", token);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var account = await ReadJsonAsync(me);
        Assert.Equal("mika@example.org", account.GetProperty("email").GetString());
        Assert.Equal("Mika", account.GetProperty("displayName").GetString());
        Assert.False(account.GetProperty("confirmedAtLeast16").GetBoolean());
        Assert.Empty(account.GetProperty("roles").EnumerateArray());
    }

    [Theory]
    [InlineData("", Password, "Mika", "email")]
    [InlineData("keine-adresse", Password, "Mika", "email")]
    [InlineData("mika@example.org", "kurz", "Mika", "password")]
    [InlineData("mika@example.org", "passwort123", "Mika", "password")]
    [InlineData("mika@example.org", "12345678", "Mika", "password")]
    [InlineData("mika@example.org", Password, "", "displayName")]
    public async Task Bad_registrations_are_400_naming_the_field_and_create_nothing(string email, string password, string name, string field)
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.PostAsJsonAsync("api/v1/auth/register",
            new { email, password, displayName = name, confirmedAtLeast16 = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadJsonAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        using var login = await client.PostAsJsonAsync("api/v1/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task A_very_long_passphrase_is_allowed()
    {
        using var client = App.CreateTenantClient("offenbach");
        var passphrase = string.Join(' ', Enumerable.Repeat("Sonnenblume", 10));

        using var response = await client.PostAsJsonAsync("api/v1/auth/register",
            new { email = "lang@example.org", password = passphrase, displayName = "Lang", confirmedAtLeast16 = true });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await AccountMail.ConfirmAsync(App, client, "lang@example.org");
        Assert.NotNull(await SignInAsync(client, "lang@example.org", passphrase));
    }

    [Fact]
    public async Task The_same_address_is_a_separate_account_in_each_tenant_and_unique_within_one()
    {
        using var a = App.CreateTenantClient("gross-gerau");
        using var b = App.CreatePrefixClient("offenbach");
        var body = new { email = "doppelt@example.org", password = Password, displayName = "D", confirmedAtLeast16 = true };

        Assert.Equal(HttpStatusCode.Accepted, (await a.PostAsJsonAsync("api/v1/auth/register", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await b.PostAsJsonAsync("api/v1/auth/register", body)).StatusCode);
        using var again = await a.PostAsJsonAsync("api/v1/auth/register", body with { displayName = "Zweites Konto" });

        // The second registration in one tenant answers like the first (ADR-020) and creates nothing.
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var accounts = await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<PlatformDbContext>().Users
            .CountAsync(u => u.NormalizedEmail == "DOPPELT@EXAMPLE.ORG"));
        Assert.Equal(1, accounts);
        Assert.Equal(1, await App.InTenantAsync("offenbach", sp => sp.GetRequiredService<PlatformDbContext>().Users
            .CountAsync(u => u.NormalizedEmail == "DOPPELT@EXAMPLE.ORG")));
    }

    [Fact]
    public async Task A_password_with_part_of_the_address_is_refused_saying_so()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.PostAsJsonAsync("api/v1/auth/register",
            new { email = "mika.schulz@example.org", password = "hallo-mika.schulz-2026", displayName = "Mika", confirmedAtLeast16 = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = (await ReadJsonAsync(response)).GetProperty("errors").GetProperty("password").EnumerateArray().Select(m => m.GetString());
        Assert.Contains("Das Passwort darf keinen Teil deiner E-Mail-Adresse enthalten.", messages);
    }

    [Fact]
    public async Task A_token_of_one_tenant_is_refused_in_another_by_host_and_by_prefix()
    {
        using var grossGerau = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(grossGerau, "redaktion@gross-gerau.example", DatabaseInitializer.DemoPassword);

        using var byHost = App.CreateTenantClient("offenbach");
        using var byPrefix = App.CreatePrefixClient("offenbach");
        using var bare = App.CreateClientForHost("localhost");

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(byHost, HttpMethod.Get, "api/v1/auth/me", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(byPrefix, HttpMethod.Get, "api/v1/auth/me", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(byPrefix, HttpMethod.Get, "api/v1/posts", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(bare, HttpMethod.Get, "api/v1/auth/me", token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(grossGerau, HttpMethod.Get, "api/v1/auth/me", token)).StatusCode);
    }

    [Fact]
    public async Task An_account_of_one_tenant_cannot_sign_in_at_another()
    {
        using var offenbach = App.CreateTenantClient("offenbach");

        using var response = await offenbach.PostAsJsonAsync("api/v1/auth/login",
            new { email = "redaktion@gross-gerau.example", password = DatabaseInitializer.DemoPassword });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_platform_admin_signs_in_on_the_bare_host_only()
    {
        using var bare = App.CreateClientForHost("localhost");
        using var tenant = App.CreateTenantClient("gross-gerau");

        var token = await SignInAsync(bare, "admin@plattform.example", DatabaseInitializer.DemoPassword);
        using var me = await SendAsync(bare, HttpMethod.Get, "api/v1/auth/me", token);
        using var elsewhere = await tenant.PostAsJsonAsync("api/v1/auth/login",
            new { email = "admin@plattform.example", password = DatabaseInitializer.DemoPassword });

        Assert.Contains("PlatformAdmin", (await ReadJsonAsync(me)).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Refresh_gives_a_new_token_until_logout_and_only_in_its_own_tenant()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        using var other = App.CreateTenantClient("offenbach");
        var tokens = await SignInForTokensAsync(client, "jana@gross-gerau.example", DatabaseInitializer.DemoPassword);
        var refresh = tokens.GetProperty("refreshToken").GetString();

        using var elsewhere = await other.PostAsJsonAsync("api/v1/auth/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
        using var refreshed = await client.PostAsJsonAsync("api/v1/auth/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var access = (await ReadJsonAsync(refreshed)).GetProperty("accessToken").GetString()!;

        using var logout = await SendAsync(client, HttpMethod.Post, "api/v1/auth/logout", access);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        using var afterLogout = await client.PostAsJsonAsync("api/v1/auth/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
    }

    [Fact]
    public async Task Me_without_sign_in_is_401()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.GetAsync(new Uri("api/v1/auth/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class SqliteSignInTests(SqliteApp app) : SignInTests<SqliteApp>(app);

public sealed class PostgresSignInTests(PostgresApp app) : SignInTests<PostgresApp>(app);

/// <summary>The host with a sign-in limit of 3 per minute, so the limit is reached quickly.</summary>
public sealed class StrictRateLimitApp() : PlatformApp(DatabaseProvider.Sqlite)
{
    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting("Platform:RateLimits:SignInPerMinute", "3");
}

public sealed class SignInRateLimitTests(StrictRateLimitApp app) : ApiTestBase<StrictRateLimitApp>(app)
{
    [Fact]
    public async Task Too_many_sign_in_attempts_are_429_with_retry_after_and_other_tenants_are_not_affected()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        for (var i = 0; i < 3; i++)
        {
            using var attempt = await client.PostAsJsonAsync("api/v1/auth/login", new { email = "x@example.org", password = "falsch-falsch" });
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }

        using var limited = await client.PostAsJsonAsync("api/v1/auth/login", new { email = "x@example.org", password = "falsch-falsch" });
        using var register = await client.PostAsJsonAsync("api/v1/auth/register", new { email = "y@example.org", password = "Ein langer Satz", displayName = "Y", confirmedAtLeast16 = true });
        using var otherTenant = await App.CreateTenantClient("offenbach").PostAsJsonAsync("api/v1/auth/login", new { email = "x@example.org", password = "falsch-falsch" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero || limited.Headers.Contains("Retry-After"));
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.TooManyRequests, register.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherTenant.StatusCode);
    }

    [Fact]
    public async Task The_account_pages_that_mail_or_check_codes_limit_form_posts_but_not_showing_the_pages()
    {
        using var client = App.CreateTenantClient("offenbach");
        string[] pages = ["passwort-vergessen", "bestaetigung-senden", "passwort-neu", "anmelden/zweiter-faktor"];
        var answers = new List<HttpStatusCode>();
        foreach (var page in pages)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@example.org" });
            using var response = await client.PostAsync(new Uri(page, UriKind.Relative), form);
            answers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.Contains("Retry-After"));
            }
        }

        // Three posts per minute in this host, counted across the pages.
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answers.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3]);
        foreach (var page in pages)
        {
            using var shown = await client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        }
    }
}
