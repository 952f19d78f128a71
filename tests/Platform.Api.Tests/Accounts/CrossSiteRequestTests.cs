using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Security;
using Platform.Infrastructure.Persistence;

namespace Platform.Api.Tests.Accounts;

/// <summary>
/// Cross-site request forgery: with the sign-in cookie alone, a page on a sibling host under the same base domain
/// (<c>evil.gross-gerau.localhost</c>, the same site for SameSite=Lax) must not change anything through the API. Every
/// state-changing API endpoint, enumerated from the app's own endpoint data source so that a new one is covered at once,
/// refuses a cookie call from a foreign origin (or one that says nothing about where it comes from), and accepts the
/// same call from the jobcenter's own pages.
/// </summary>
public sealed class CrossSiteRequestTests(ManySignInsSqliteApp app) : ApiTestBase<ManySignInsSqliteApp>(app)
{
    private const string Own = "http://gross-gerau.localhost";
    private const string Sibling = "http://evil.gross-gerau.localhost";

    [Fact]
    public async Task Every_cookie_authenticated_state_change_is_refused_from_a_foreign_origin_and_accepted_from_its_own()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        await SignInWithCookieAsync(client, "admin@gross-gerau.example");
        var calls = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Where(m => m is not ("GET" or "HEAD" or "OPTIONS"))
                .Select(m => (Method: m, Path: Fill(e.RoutePattern.RawText!))))
            // Signing out ends the session the other calls use: it goes last.
            .OrderBy(c => c.Path.EndsWith("/auth/logout", StringComparison.Ordinal))
            .ToList();
        Assert.True(calls.Count >= 40, $"only {calls.Count} state-changing API endpoints found");
        Assert.Contains(calls, c => c.Path == "/api/v1/me/age-confirmation");
        Assert.Contains(calls, c => c.Path.EndsWith("/archive", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.Path == "/api/v1/tenant/logo");

        foreach (var (method, path) in calls)
        {
            foreach (var (origin, fetchSite) in new[] { (Sibling, null), ("http://gross-gerau.localhost.evil.example", null), (null, "same-site"), (null, "cross-site"), ("null", null), (null, null), (Own, "same-site") })
            {
                using var refused = await SendWithCookieAsync(client, method, path, origin, fetchSite);
                Assert.True(
                    await IsGuardRefusalAsync(refused),
                    $"{method} {path} with Origin {origin ?? "-"}, Sec-Fetch-Site {fetchSite ?? "-"}: {(int)refused.StatusCode} {await refused.Content.ReadAsStringAsync()}");
            }

            // The platform's own pages: the Origin of the page, or (under Referrer-Policy: no-referrer, as our scripts'
            // fetch calls are sent) Origin "null" with Sec-Fetch-Site: same-origin.
            foreach (var (origin, fetchSite) in new[] { (Own, null), ("null", "same-origin"), (Own, "same-origin") })
            {
                using var accepted = await SendWithCookieAsync(client, method, path, origin, fetchSite);
                Assert.False(
                    await IsGuardRefusalAsync(accepted),
                    $"{method} {path} from its own origin ({origin}, {fetchSite ?? "-"}) refused: {await accepted.Content.ReadAsStringAsync()}");
                Assert.True(
                    (int)accepted.StatusCode < 500,
                    $"{method} {path} from its own origin: {(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync()}");
                // Still signed in: the call reached the endpoint as this person (sign-in endpoints answer a bad
                // body with 401 of their own, and signing out ends the session).
                if (!path.StartsWith("/api/v1/auth/", StringComparison.Ordinal))
                {
                    Assert.True(accepted.StatusCode != HttpStatusCode.Unauthorized, $"{method} {path} from its own origin: 401");
                }
            }
        }
    }

    [Fact]
    public async Task A_sibling_host_can_neither_record_the_age_consent_nor_sign_out_but_the_own_page_can()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        const string email = "spaeter16@example.org";
        await AccountMail.RegisterConfirmedAsync(App, client, email, "Ein langer Satz als Passwort", "Später", confirmedAtLeast16: false);
        await SignInWithCookieAsync(client, email, "Ein langer Satz als Passwort");

        using (var forged = await SendWithCookieAsync(client, "POST", "/api/v1/me/age-confirmation", Sibling, "same-site"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
            Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        }

        using (var forgedLogout = await SendWithCookieAsync(client, "POST", "/api/v1/auth/logout", Sibling, null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forgedLogout.StatusCode);
        }

        Assert.False((await GetJsonAsync(client, "api/v1/me/data")).GetProperty("account").GetProperty("confirmedAtLeast16").GetBoolean());

        using (var own = await SendWithCookieAsync(client, "POST", "/api/v1/me/age-confirmation", "null", "same-origin"))
        {
            Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        }

        Assert.True((await GetJsonAsync(client, "api/v1/me/data")).GetProperty("account").GetProperty("confirmedAtLeast16").GetBoolean());
    }

    [Fact]
    public async Task A_bearer_token_needs_no_origin_because_no_browser_sends_it_on_its_own()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, "jana@gross-gerau.example");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/me/age-confirmation");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Origin", Sibling);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static async Task SignInWithCookieAsync(HttpClient client, string email, string password = DatabaseInitializer.DemoPassword)
    {
        using var login = await client.PostAsJsonAsync("api/v1/auth/login?useCookies=true", new { email, password });
        Assert.True(login.IsSuccessStatusCode, $"login {email}: {(int)login.StatusCode}");
        using var me = await client.GetAsync(new Uri("api/v1/auth/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendWithCookieAsync(HttpClient client, string method, string path, string? origin, string? fetchSite)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = JsonContent.Create(new { });
        }

        return await client.SendAsync(request);
    }

    private static async Task<bool> IsGuardRefusalAsync(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        && (await response.Content.ReadAsStringAsync()).Contains(SameOriginGuard.RefusalTitle, StringComparison.Ordinal);

    private static string Fill(string pattern) =>
        Regex.Replace(pattern, "{[^}]+}", m => m.Value.Contains(":guid", StringComparison.Ordinal) || m.Value.Contains("Id", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "x");
}
