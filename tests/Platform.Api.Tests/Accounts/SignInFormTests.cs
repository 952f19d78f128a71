using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Accounts;

/// <summary>
/// The sign-in page's form as a browser sends it (antiforgery token from the page): after signing in, people land
/// where they came from if that is a page of this site, otherwise on the feed, never on another site.
/// </summary>
public abstract partial class SignInFormTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("/veranstaltungen?ansicht=kalender", "veranstaltungen?ansicht=kalender")]
    [InlineData("//evil.example/", "")]
    [InlineData("https://evil.example/", "")]
    [InlineData("/\\evil.example/", "")]
    [InlineData("/\t/evil.example/", "")]
    public async Task Signing_in_lands_on_the_page_it_came_from_or_the_feed_and_never_elsewhere(string? returnUrl, string expected)
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await PostSignInFormAsync(client, "jana@gross-gerau.example", DatabaseInitializer.DemoPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var landed = new Uri(client.BaseAddress!, response.Headers.Location!);
        Assert.Equal(new Uri(client.BaseAddress!, expected), landed);
    }

    [Fact]
    public async Task The_sign_in_link_in_the_header_carries_the_page_it_is_on()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        var page = await client.GetStringAsync(new Uri("veranstaltungen", UriKind.Relative));

        Assert.Contains("href=\"anmelden?ReturnUrl=%2Fveranstaltungen\"", page, StringComparison.Ordinal);
    }

    /// <summary>Opens the sign-in page (with the ReturnUrl) and posts its form with the page's antiforgery token.</summary>
    internal static async Task<HttpResponseMessage> PostSignInFormAsync(HttpClient client, string email, string password, string? returnUrl)
    {
        var page = returnUrl is null ? "anmelden" : "anmelden?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "anmelden",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(new Uri(page, UriKind.Relative), form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public sealed class SqliteSignInFormTests(SqliteApp app) : SignInFormTests<SqliteApp>(app);

public sealed class PostgresSignInFormTests(PostgresApp app) : SignInFormTests<PostgresApp>(app);

/// <summary>A host of its own with a sign-in limit of 3 per minute, so no other test's attempts share its count.</summary>
public sealed class StrictSignInFormsApp() : PlatformApp(DatabaseProvider.Sqlite)
{
    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting("Platform:RateLimits:SignInPerMinute", "3");
}

public sealed class SignInFormRateLimitTests(StrictSignInFormsApp app) : ApiTestBase<StrictSignInFormsApp>(app)
{
    [Fact]
    public async Task The_sign_in_and_registration_forms_count_with_the_API_and_showing_them_is_never_limited()
    {
        using var client = App.CreateTenantClient("offenbach");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@example.org", ["Input.Password"] = "falsch-falsch" });
            using var response = await client.PostAsync(new Uri("anmelden", UriKind.Relative), form);
            answers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.Contains("Retry-After"));
            }
        }

        using var registration = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@example.org" });
        using var register = await client.PostAsync(new Uri("registrieren", UriKind.Relative), registration);
        using var api = await client.PostAsJsonAsync("api/v1/auth/login", new { email = "x@example.org", password = "falsch-falsch" });

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answers.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3]);
        Assert.Equal(HttpStatusCode.TooManyRequests, register.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        foreach (var page in new[] { "anmelden", "registrieren" })
        {
            using var shown = await client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        }
    }
}
