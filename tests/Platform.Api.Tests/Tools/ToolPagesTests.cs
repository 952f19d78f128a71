using System.Net;
using Platform.TestSupport;
using Platform.Web.Tools;

namespace Platform.Api.Tests.Tools;

/// <summary>
/// The Bewerbungsmappe and the Video-Check (issue 15, ADR-032) on both databases, by host and by path, and the network
/// check behind the Video-Check: inside the tenant, never cached, bad input a 400, its downloads rate-limited. What the
/// pages do in the browser is tested in Platform.Web.Tests (Chromium).
/// </summary>
public abstract class ToolPagesTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Theory]
    [InlineData("bewerbungsmappe", "de", ">Bewerbungsmappe</h1>")]
    [InlineData("video-check", "de", ">Video-Check</h1>")]
    [InlineData("bewerbungsmappe", "fa", ">پوشه درخواست کار</h1>")]
    public async Task The_tools_render_for_anyone_without_an_account_by_host_and_by_path(string page, string culture, string heading)
    {
        using var byHost = App.CreateTenantClient("gross-gerau");
        using var byPath = App.CreatePrefixClient("offenbach");

        foreach (var client in new[] { byHost, byPath })
        {
            using var response = await client.GetAsync(new Uri($"{page}?culture={culture}", UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(heading, html, StringComparison.Ordinal);
            Assert.Contains($"<html lang=\"{culture}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_network_check_answers_inside_the_tenant_and_is_never_cached()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        using var unknown = App.CreateTenantClient("gibt-es-nicht");

        using var ping = await client.GetAsync(new Uri("netzcheck", UriKind.Relative));
        using var download = await client.GetAsync(new Uri("netzcheck?bytes=65536", UriKind.Relative));
        using var capped = await client.GetAsync(new Uri("netzcheck?bytes=99999999999999999999", UriKind.Relative));
        using var elsewhere = await unknown.GetAsync(new Uri("netzcheck", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, ping.StatusCode);
        Assert.True(ping.Headers.CacheControl?.NoStore, "no-store");
        Assert.Equal(65536, (await download.Content.ReadAsByteArrayAsync()).Length);
        Assert.True(download.Headers.CacheControl?.NoStore, "no-store");
        Assert.Equal(NetworkCheckEndpoints.MaxBytes, (await capped.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1e9")]
    [InlineData("-5")]
    [InlineData("12 MB")]
    public async Task A_byte_count_that_is_not_a_number_is_a_400_never_a_500(string bytes)
    {
        using var client = App.CreateTenantClient("gross-gerau");
        client.DefaultRequestHeaders.Add("Accept", "text/html");

        using var response = await client.GetAsync(new Uri($"netzcheck?bytes={bytes}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloads_are_limited_per_jobcenter_and_client_and_round_trips_are_not()
    {
        // Offenbach only: the other tests' downloads are Groß-Gerau's and count in their own window.
        using var client = App.CreateTenantClient("offenbach");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            using var response = await client.GetAsync(new Uri("netzcheck?bytes=1024", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        using var refused = await client.GetAsync(new Uri("netzcheck?bytes=1024", UriKind.Relative));
        using var ping = await client.GetAsync(new Uri("netzcheck", UriKind.Relative));

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "Retry-After");
        Assert.Equal(HttpStatusCode.NoContent, ping.StatusCode);
    }
}

public sealed class SqliteToolPagesTests(SqliteApp app) : ToolPagesTests<SqliteApp>(app);

public sealed class PostgresToolPagesTests(PostgresApp app) : ToolPagesTests<PostgresApp>(app);
