using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Infrastructure.Identity;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Accounts;

/// <summary>
/// What sign-in and registration tell a stranger about an address (ADR-020): nothing. The same status and body and
/// the same work (one password hash, counted by <see cref="CountingPasswordHasher"/>) for an unknown address, a wrong
/// password and an unconfirmed account; a taken address registers "successfully" and its owner gets a mail; a
/// stranger's wrong passwords slow down the stranger, not the owner at another client address.
/// </summary>
public abstract partial class AccountEnumerationTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : ClientAddressApp
{
    private const string Password = "Ein langer Satz als Passwort";
    private const string Existing = "jana@gross-gerau.example";

    [Fact]
    public async Task Unknown_wrong_and_unconfirmed_sign_ins_get_identical_answers_after_the_same_work()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        const string unconfirmed = "unbestaetigt@example.org";
        using (var registered = await client.PostAsJsonAsync("api/v1/auth/register",
            new { email = unconfirmed, password = Password, displayName = "U", confirmedAtLeast16 = true }))
        {
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        }

        await App.Mail.WaitForMessageToAsync(unconfirmed);

        (string Email, string Password)[] attempts =
        [
            ("niemand@example.org", "ein falsches Passwort"),
            (Existing, "ein falsches Passwort"),
            (unconfirmed, "ein falsches Passwort"),
            (unconfirmed, Password),
        ];
        var answers = new List<(HttpStatusCode Status, string Body, int Hashes)>();
        foreach (var (email, password) in attempts)
        {
            var before = App.Hasher.Verifications;
            using var response = await client.PostAsJsonAsync("api/v1/auth/login", new { email, password });
            answers.Add((response.StatusCode, WithoutTraceId(await response.Content.ReadAsStringAsync()), App.Hasher.Verifications - before));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        Assert.Single(answers.Select(a => a.Body).Distinct(StringComparer.Ordinal));
        Assert.All(answers, a => Assert.Equal(1, a.Hashes));

        // Only the owner, who knew the password, learns more: a new confirmation link arrives.
        var second = await App.Mail.WaitForMessageToAsync(unconfirmed, count: 2);
        Assert.StartsWith("Bitte bestätige deine E-Mail-Adresse", second.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strangers_wrong_passwords_slow_down_the_stranger_and_do_not_lock_the_owner_out()
    {
        using var stranger = FromClient("10.20.0.66");
        using var owner = FromClient("10.20.0.7");
        var answers = new List<HttpStatusCode>();
        var unknownAnswers = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var wrong = await stranger.PostAsJsonAsync("api/v1/auth/login", new { email = Existing, password = "falsch-falsch-" + i });
            answers.Add(wrong.StatusCode);
            using var unknown = await stranger.PostAsJsonAsync("api/v1/auth/login", new { email = "niemand@example.org", password = "falsch-falsch-" + i });
            unknownAnswers.Add(unknown.StatusCode);
            if (wrong.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(wrong.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
            }
        }

        // Five tries, then the back-off, the same for an address with and without an account.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(answers, unknownAnswers);

        // Even the right password waits at the stranger's client; the owner, elsewhere, signs in as always.
        using var rightFromStranger = await stranger.PostAsJsonAsync("api/v1/auth/login", new { email = Existing, password = DatabaseInitializer.DemoPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, rightFromStranger.StatusCode);
        Assert.NotNull(await SignInAsync(owner, Existing));
    }

    [Fact]
    public async Task Registering_a_taken_address_answers_like_a_new_one_mails_the_owner_and_changes_nothing()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var hashesBefore = App.Hasher.Hashes;
        using var fresh = await client.PostAsJsonAsync("api/v1/auth/register",
            new { email = "ganz-neu@example.org", password = Password, displayName = "Neu", confirmedAtLeast16 = true });
        var hashesForNew = App.Hasher.Hashes - hashesBefore;
        hashesBefore = App.Hasher.Hashes;
        using var taken = await client.PostAsJsonAsync("api/v1/auth/register",
            new { email = Existing, password = Password, displayName = "Jemand anderes", confirmedAtLeast16 = true });
        var hashesForTaken = App.Hasher.Hashes - hashesBefore;

        Assert.Equal(HttpStatusCode.Accepted, fresh.StatusCode);
        Assert.Equal(fresh.StatusCode, taken.StatusCode);
        Assert.Equal(await fresh.Content.ReadAsStringAsync(), await taken.Content.ReadAsStringAsync());
        Assert.Equal(hashesForNew, hashesForTaken);

        // The owner reads why, in the real mail, with a link that sets a new password.
        var mail = await App.Mail.WaitForMessageToAsync(Existing);
        Assert.StartsWith("Du hast schon ein Konto", mail.Subject, StringComparison.Ordinal);
        var reset = Regex.Match(mail.Text, @"https?://\S+passwort-neu\?\S+").Value;
        Assert.StartsWith("http://gross-gerau.localhost/passwort-neu?email=", reset, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(new Uri(reset).Query);
        using var newPassword = await client.PostAsJsonAsync("api/v1/auth/reset-password",
            new { email = Existing, code = query["code"].ToString(), newPassword = "Ein ganz neuer Satz als Passwort" });
        Assert.Equal(HttpStatusCode.NoContent, newPassword.StatusCode);

        // Nothing was created or changed by the registration itself: one account, the owner's name.
        const string normalized = "JANA@GROSS-GERAU.EXAMPLE";
        var owner = await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<PlatformDbContext>().Users
            .Where(u => u.NormalizedEmail == normalized).Select(u => u.DisplayName).ToListAsync());
        Assert.NotEqual("Jemand anderes", Assert.Single(owner));
    }

    /// <summary>A client at its own address, seen through the trusted proxy (X-Forwarded-For).</summary>
    private HttpClient FromClient(string address)
    {
        var client = App.CreateTenantClient("gross-gerau");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    /// <summary>Every problem carries the request's own trace id; everything else must be the same byte for byte.</summary>
    private static string WithoutTraceId(string body) => TraceId().Replace(body, "\"traceId\":\"…\"");

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}

public sealed class SqliteAccountEnumerationTests(ClientAddressSqliteApp app) : AccountEnumerationTests<ClientAddressSqliteApp>(app);

public sealed class PostgresAccountEnumerationTests(ClientAddressPostgresApp app) : AccountEnumerationTests<ClientAddressPostgresApp>(app);

/// <summary>
/// The host behind a proxy on loopback, so tests can speak from several client addresses (X-Forwarded-For), with a
/// password hasher that counts its work. The per-client rate limit is high here: the back-off per address is tested.
/// </summary>
public abstract class ClientAddressApp(DatabaseProvider provider) : PlatformApp(provider)
{
    public CountingPasswordHasher Hasher => Services.GetRequiredService<CountingPasswordHasher>();

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Platform:Tenancy:TrustedProxies:0", "127.0.0.1");
        builder.UseSetting("Platform:RateLimits:SignInPerMinute", "1000");
        builder.ConfigureServices(services =>
        {
            services.AddTransient<IStartupFilter, FromLoopback>();
            services.AddSingleton<CountingPasswordHasher>();
            services.AddSingleton<IPasswordHasher<PlatformUser>>(sp => sp.GetRequiredService<CountingPasswordHasher>());
        });
    }

    /// <summary>The in-memory test server has no remote address; a real proxy connection would.</summary>
    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class ClientAddressSqliteApp() : ClientAddressApp(DatabaseProvider.Sqlite);

public sealed class ClientAddressPostgresApp() : ClientAddressApp(DatabaseProvider.PostgreSql);

/// <summary>Identity's own hasher, counting how often it hashes and checks: the work of a request, without a stopwatch.</summary>
public sealed class CountingPasswordHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<PlatformUser>
{
    private readonly PasswordHasher<PlatformUser> _inner = new(options);
    private int _hashes;
    private int _verifications;

    public int Hashes => Volatile.Read(ref _hashes);

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(PlatformUser user, string password)
    {
        Interlocked.Increment(ref _hashes);
        return _inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(PlatformUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
