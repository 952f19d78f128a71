using System.Net;
using System.Net.Http.Json;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Hosting;

public abstract class HostingTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task Health_checks_report_live_and_ready_with_database_and_jobs()
    {
        using var client = App.CreateClientForHost("localhost");

        var live = await GetJsonAsync(client, "health/live");
        var ready = await GetJsonAsync(client, "health/ready");

        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("jobs").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_feed_endpoints()
    {
        using var client = App.CreateClientForHost("localhost");

        var document = await GetJsonAsync(client, "openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/posts", out _), paths.ToString());
        Assert.True(paths.TryGetProperty("/api/v1/posts/{id}", out _), paths.ToString());
    }

    [Fact]
    public async Task The_bare_host_lists_the_tenants_and_each_tenant_page_shows_its_own_name()
    {
        using var bare = App.CreateClientForHost("localhost");
        using var grossGerau = App.CreateTenantClient("gross-gerau");
        using var offenbach = App.CreatePrefixClient("offenbach");

        var landing = await bare.GetStringAsync(new Uri("/", UriKind.Relative));
        var ggPage = await grossGerau.GetStringAsync(new Uri("", UriKind.Relative));
        var ofPage = await offenbach.GetStringAsync(new Uri("", UriKind.Relative));

        Assert.Contains("href=\"t/gross-gerau/\"", landing, StringComparison.Ordinal);
        Assert.Contains("href=\"t/offenbach/\"", landing, StringComparison.Ordinal);
        Assert.Contains("Kommunales Jobcenter Groß-Gerau", ggPage, StringComparison.Ordinal);
        Assert.DoesNotContain("MainArbeit Offenbach", ggPage, StringComparison.Ordinal);
        Assert.Contains("Jobcenter MainArbeit Offenbach", ofPage, StringComparison.Ordinal);
        Assert.Contains("<base href=\"/t/offenbach/\"", ofPage, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de\">", ofPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_tenant_gets_its_own_branding_stylesheet()
    {
        using var grossGerau = App.CreateTenantClient("gross-gerau");
        using var offenbach = App.CreatePrefixClient("offenbach");
        using var bare = App.CreateClientForHost("localhost");

        var gg = await grossGerau.GetStringAsync(new Uri("branding.css?v=1", UriKind.Relative));
        var of = await offenbach.GetStringAsync(new Uri("branding.css?v=1", UriKind.Relative));

        Assert.Contains("--brand-primary:#00527a", gg, StringComparison.Ordinal);
        Assert.Contains("--brand-primary:#7a1f3d", of, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await bare.GetAsync(new Uri("branding.css", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Each_tenant_is_its_own_installable_web_app()
    {
        using var grossGerau = App.CreateTenantClient("gross-gerau");
        using var offenbach = App.CreatePrefixClient("offenbach");

        var gg = await GetJsonAsync(grossGerau, "manifest.webmanifest");
        var of = await GetJsonAsync(offenbach, "manifest.webmanifest");

        Assert.Equal("Kommunales Jobcenter Groß-Gerau", gg.GetProperty("name").GetString());
        Assert.Equal("#00527a", gg.GetProperty("theme_color").GetString());
        Assert.Equal("/", gg.GetProperty("start_url").GetString());
        Assert.Equal("Jobcenter MainArbeit Offenbach", of.GetProperty("name").GetString());
        Assert.Equal("/t/offenbach/", of.GetProperty("start_url").GetString());
        Assert.Contains("rel=\"manifest\"", await offenbach.GetStringAsync(new Uri("", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tenant_pages_carry_a_strict_content_security_policy()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.GetAsync(new Uri("", UriKind.Relative));

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_page_of_another_tenant_is_404()
    {
        using var offenbach = App.CreateTenantClient("offenbach");
        var offenbachPost = Ids(await GetJsonAsync(offenbach, "api/v1/posts?pageSize=1")).Single();
        using var grossGerau = App.CreateTenantClient("gross-gerau");

        using var response = await grossGerau.GetAsync(new Uri($"posts/{offenbachPost}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Nicht gefunden", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_is_a_german_404_page_inside_the_tenant()
    {
        using var client = App.CreatePrefixClient("offenbach");

        using var response = await client.GetAsync(new Uri("gibt-es-nicht", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nicht gefunden", html, StringComparison.Ordinal);
        Assert.Contains("Jobcenter MainArbeit Offenbach", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_person_never_gets_the_cached_anonymous_page_and_vice_versa()
    {
        using var anonymous = App.CreateTenantClient("gross-gerau");
        using var signedIn = App.CreateTenantClient("gross-gerau");
        using var login = await signedIn.PostAsJsonAsync("api/v1/auth/login?useCookies=true",
            new { email = "admin@gross-gerau.example", password = DatabaseInitializer.DemoPassword });
        Assert.True(login.IsSuccessStatusCode);

        var before = await anonymous.GetStringAsync(new Uri("", UriKind.Relative));
        var mine = await signedIn.GetStringAsync(new Uri("", UriKind.Relative));
        var after = await anonymous.GetStringAsync(new Uri("", UriKind.Relative));

        Assert.Contains("href=\"anmelden\"", before, StringComparison.Ordinal);
        Assert.Contains("href=\"verwaltung\"", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"anmelden\"", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"verwaltung\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_topic_on_the_feed_page_is_a_friendly_400()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.GetAsync(new Uri("?topic=Urlaub", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unbekanntes Thema", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SqliteHostingTests(SqliteApp app) : HostingTests<SqliteApp>(app);

public sealed class PostgresHostingTests(PostgresApp app) : HostingTests<PostgresApp>(app);
