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

    [Fact]
    public async Task The_video_check_shows_the_hint_and_link_the_jobcenters_admin_wrote_and_no_other_jobcenters()
    {
        using var grossGerau = App.CreateTenantClient("gross-gerau");
        using var offenbach = App.CreatePrefixClient("offenbach");

        // The demo: Groß-Gerau has a hint and a link, Offenbach none, so its Video-Check points to its contact page.
        var seeded = await grossGerau.GetStringAsync(new Uri("video-check", UriKind.Relative));
        Assert.Contains("einen Videodienst im Browser", seeded, StringComparison.Ordinal);
        Assert.Contains("href=\"https://jobcenter-gross-gerau.example/video-termin\"", seeded, StringComparison.Ordinal);
        await AssertNoJobcenterToolAsync(offenbach);

        var admin = await SignInAsync(grossGerau, "admin@gross-gerau.example");
        var body = await ContactBodyAsync(grossGerau, admin);
        body["videoConsultationHint"] = "  Wir treffen uns in <b>Jobcenter Video</b>.\n\nDen Link schicken wir dir per E-Mail.  ";
        body["videoConsultationUrl"] = "https://video.gross-gerau.example/anleitung";
        using (var saved = await SendAsync(grossGerau, HttpMethod.Put, "api/v1/tenant/contact", admin, body))
        {
            Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        }

        var page = await grossGerau.GetStringAsync(new Uri("video-check", UriKind.Relative));
        Assert.Contains("<p>Wir treffen uns in &lt;b&gt;Jobcenter Video&lt;/b&gt;.</p>", page, StringComparison.Ordinal);
        Assert.Contains("<p>Den Link schicken wir dir per E-Mail.</p>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://video.gross-gerau.example/anleitung\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("einen Videodienst im Browser", page, StringComparison.Ordinal);
        var contact = (await GetJsonAsync(grossGerau, admin, "api/v1/tenant/settings")).GetProperty("contact");
        Assert.Equal("Wir treffen uns in <b>Jobcenter Video</b>.\n\nDen Link schicken wir dir per E-Mail.", contact.GetProperty("videoConsultationHint").GetString());
        await AssertNoJobcenterToolAsync(offenbach);
        using var offenbachByHost = App.CreateTenantClient("offenbach");
        await AssertNoJobcenterToolAsync(offenbachByHost);

        // A client that does not know the two fields leaves them as they are; empty ones remove them.
        body.Remove("videoConsultationHint");
        body.Remove("videoConsultationUrl");
        using (var without = await SendAsync(grossGerau, HttpMethod.Put, "api/v1/tenant/contact", admin, body))
        {
            Assert.Equal(HttpStatusCode.NoContent, without.StatusCode);
        }

        Assert.Contains("https://video.gross-gerau.example/anleitung", await grossGerau.GetStringAsync(new Uri("video-check", UriKind.Relative)), StringComparison.Ordinal);
        body["videoConsultationHint"] = "";
        body["videoConsultationUrl"] = "";
        using (var emptied = await SendAsync(grossGerau, HttpMethod.Put, "api/v1/tenant/contact", admin, body))
        {
            Assert.Equal(HttpStatusCode.NoContent, emptied.StatusCode);
        }

        await AssertNoJobcenterToolAsync(grossGerau);
    }

    [Theory]
    [InlineData("videoConsultationUrl", "http://video.gross-gerau.example/")]
    [InlineData("videoConsultationUrl", "javascript:alert(1)")]
    [InlineData("videoConsultationUrl", "video.gross-gerau.example")]
    [InlineData("videoConsultationHint", null)]
    public async Task A_video_hint_too_long_or_a_link_that_is_not_https_is_a_400_naming_it_and_nothing_changes(string field, string? value)
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var admin = await SignInAsync(client, "admin@gross-gerau.example");
        var body = await ContactBodyAsync(client, admin);
        body["phone"] = "06152 999-999";
        body[field] = value ?? new string('x', 1001);

        using var response = await SendAsync(client, HttpMethod.Put, "api/v1/tenant/contact", admin, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await ReadJsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _), field);
        var contact = (await GetJsonAsync(client, admin, "api/v1/tenant/settings")).GetProperty("contact");
        Assert.Equal("06152 000-100", contact.GetProperty("phone").GetString());
        Assert.Equal("https://jobcenter-gross-gerau.example/video-termin", contact.GetProperty("videoConsultationUrl").GetString());
    }

    /// <summary>The body of <c>PUT api/v1/tenant/contact</c> with the tenant's current values.</summary>
    private static async Task<Dictionary<string, object?>> ContactBodyAsync(HttpClient client, string token)
    {
        var settings = await GetJsonAsync(client, token, "api/v1/tenant/settings");
        var contact = settings.GetProperty("contact");
        var links = settings.GetProperty("links");
        return new Dictionary<string, object?>
        {
            ["phone"] = contact.GetProperty("phone").GetString(),
            ["email"] = contact.GetProperty("email").GetString(),
            ["address"] = contact.GetProperty("address").GetString(),
            ["openingHours"] = contact.GetProperty("openingHours").GetString(),
            ["appointmentUrl"] = contact.GetProperty("appointmentUrl").GetString(),
            ["onlineApplicationUrl"] = links.GetProperty("onlineApplicationUrl").GetString(),
            ["postcodes"] = settings.GetProperty("postcodes").EnumerateArray().Select(p => p.GetString()).ToList(),
        };
    }

    /// <summary>The Video-Check without a hint of the jobcenter's own: the contact page instead.</summary>
    private static async Task AssertNoJobcenterToolAsync(HttpClient client)
    {
        var page = await client.GetStringAsync(new Uri("video-check", UriKind.Relative));
        Assert.DoesNotContain("video-jobcenter", page, StringComparison.Ordinal);
        Assert.DoesNotContain("gross-gerau.example/video", page, StringComparison.Ordinal);
        Assert.Contains("Frag uns nach einem Termin. <a href=\"kontakt\">Kontakt zum Jobcenter</a>", page, StringComparison.Ordinal);
    }
}

public sealed class SqliteToolPagesTests(SqliteApp app) : ToolPagesTests<SqliteApp>(app);

public sealed class PostgresToolPagesTests(PostgresApp app) : ToolPagesTests<PostgresApp>(app);
