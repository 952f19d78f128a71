using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Tenants;
using Platform.TestSupport;

namespace Platform.Api.Tests.Hosting;

/// <summary>
/// Headers every answer carries: Permissions-Policy always, HSTS and Secure cookies over HTTPS (also through a trusted
/// proxy), and a policy for the API reference, which loads nothing from elsewhere (ADR-021).
/// </summary>
public sealed partial class SecurityHeadersTests(SqliteApp app) : ApiTestBase<SqliteApp>(app)
{
    [Theory]
    [InlineData("http://gross-gerau.localhost/")]
    [InlineData("http://gross-gerau.localhost/api/v1/posts")]
    [InlineData("http://gross-gerau.localhost/gibt-es-nicht")]
    [InlineData("http://localhost/health/live")]
    [InlineData("http://localhost/openapi/v1.json")]
    [InlineData("http://localhost/scalar/v1")]
    public async Task Every_answer_carries_a_permissions_policy(string url)
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(url));

        Assert.True(response.Headers.TryGetValues("Permissions-Policy", out var values), $"{url}: {(int)response.StatusCode}");
        var policy = string.Join(",", values);
        Assert.Contains("camera=()", policy, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", policy, StringComparison.Ordinal);
        Assert.Contains("publickey-credentials-get=(self)", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_https_answers_carry_hsts_and_cookies_are_secure_over_http_neither()
    {
        using var https = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://gross-gerau.localhost/"), AllowAutoRedirect = false });
        using (var page = await https.GetAsync(new Uri("anmelden", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("max-age=31536000", string.Join(",", page.Headers.GetValues("Strict-Transport-Security")));
            AssertEveryCookieIsSecure(page, expectedAtLeast: 1);
        }

        using (var language = await https.GetAsync(new Uri("sprache?culture=en", UriKind.Relative)))
        {
            AssertEveryCookieIsSecure(language, expectedAtLeast: 1);
        }

        using var http = App.CreateTenantClient("gross-gerau");
        using var plain = await http.GetAsync(new Uri("anmelden", UriKind.Relative));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains(plain.Headers.GetValues("Set-Cookie"), c => !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task X_forwarded_proto_from_someone_who_is_not_a_trusted_proxy_does_not_count_as_https()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var page = await client.GetAsync(new Uri("anmelden", UriKind.Relative));

        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_api_reference_is_served_from_the_platform_with_a_policy_that_names_its_inline_scripts()
    {
        using var client = App.CreateClientForHost("localhost");

        using var response = await client.GetAsync(new Uri("scalar/v1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var scripts = Directive(policy, "script-src");
        Assert.DoesNotContain("'unsafe-inline'", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", scripts, StringComparison.Ordinal);
        Assert.Equal("'self'", Directive(policy, "default-src"));
        Assert.Equal("'self'", Directive(policy, "connect-src"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);

        var inline = InlineScript().Matches(html).Where(m => !m.Groups["attributes"].Value.Contains("src=", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(inline);
        foreach (var script in inline)
        {
            var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script.Groups["body"].Value)));
            Assert.Contains($"'sha256-{hash}'", scripts, StringComparison.Ordinal);
        }

        // Nothing from elsewhere: no absolute addresses in the page, and no default fonts from Scalar's CDN.
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain("fonts.scalar.com", html, StringComparison.Ordinal);
        foreach (var source in Regex.Matches(html, "src=\"(?<src>[^\"]+)\"").Select(m => m.Groups["src"].Value))
        {
            using var asset = await client.GetAsync(new Uri(new Uri(client.BaseAddress!, "scalar/v1"), source));
            Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{source}: {(int)asset.StatusCode}");
        }
    }

    private static void AssertEveryCookieIsSecure(HttpResponseMessage response, int expectedAtLeast)
    {
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        Assert.True(cookies.Count >= expectedAtLeast, $"{response.RequestMessage?.RequestUri}: no cookie set");
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    private static string Directive(string policy, string name) =>
        policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith(name + " ", StringComparison.Ordinal))[(name.Length + 1)..];

    [GeneratedRegex("<script(?<attributes>[^>]*)>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}

/// <summary>Through a trusted proxy that terminates TLS, X-Forwarded-Proto: https makes the answers those of an HTTPS site.</summary>
public sealed class TlsProxyHeadersTests(LoopbackProxyApp app) : ApiTestBase<LoopbackProxyApp>(app)
{
    [Fact]
    public async Task Behind_a_trusted_proxy_that_says_https_answers_carry_hsts_and_secure_cookies()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var page = await client.GetAsync(new Uri("anmelden", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.Contains("Strict-Transport-Security"));
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>
/// Authorisation comes before anything the endpoint does with the body: a caller without the right to call an endpoint
/// learns 401 or 403, never 415 or 400 about a body it may not send (ADR-021).
/// </summary>
public sealed partial class AuthorizationBeforeBodyTests(SqliteApp app) : ApiTestBase<SqliteApp>(app)
{
    [Fact]
    public async Task Every_endpoint_with_a_body_answers_an_anonymous_caller_401_whatever_the_content_type()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var endpoints = BodyEndpointsThatNeedAuthorization();
        Assert.Contains(endpoints, e => e.Path == "/api/v1/tenant/logo" && e.Method == "PUT");

        var wrong = new List<string>();
        foreach (var (method, path) in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'))
            {
                Content = new StringContent("<html>kein JSON</html>", Encoding.UTF8, "text/plain"),
            };
            using var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                wrong.Add($"{method} {path}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Staff_endpoints_with_a_body_answer_a_young_person_403_whatever_the_content_type()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, "jana@gross-gerau.example");
        var staff = BodyEndpointsThatNeedAuthorization()
            .Where(e => e.Path.StartsWith("/api/v1/tenant/", StringComparison.Ordinal) || e.Path.StartsWith("/api/v1/editorial/", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(staff, e => e.Path == "/api/v1/tenant/logo");

        var wrong = new List<string>();
        foreach (var (method, path) in staff)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'))
            {
                Content = new StringContent("kein Bild", Encoding.UTF8, "text/plain"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                wrong.Add($"{method} {path}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task A_tenant_admin_still_gets_415_for_a_logo_that_is_not_a_form()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var admin = await SignInAsync(client, "admin@gross-gerau.example");
        using var request = new HttpRequestMessage(HttpMethod.Put, "api/v1/tenant/logo") { Content = new StringContent("kein Bild", Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    /// <summary>Every API endpoint that reads a body and needs a signed-in caller, with its route values filled in.</summary>
    private List<(string Method, string Path)> BodyEndpointsThatNeedAuthorization() =>
        [.. App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 })
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, Fill(e.RoutePattern.RawText!))))
            .Distinct()];

    private static string Fill(string pattern) =>
        RouteParameter().Replace(pattern, m => m.Groups["constraint"].Value switch
        {
            var c when c.Contains("guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            var c when c.Contains("int", StringComparison.Ordinal) => "1",
            _ => "x",
        });

    [GeneratedRegex(@"\{\*{0,2}(?<name>\w+)(?<constraint>[^}]*)\}")]
    private static partial Regex RouteParameter();
}
