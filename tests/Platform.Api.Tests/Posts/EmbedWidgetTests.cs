using System.Net;
using System.Text.RegularExpressions;
using Platform.TestSupport;

namespace Platform.Api.Tests.Posts;

/// <summary>
/// The widget (<c>/einbetten</c>) for a frame on the jobcenter's own website, and the origins TenantAdmins allow to
/// frame it (<c>GET/PUT /api/v1/tenant/embed-origins</c>): only that page names them in <c>frame-ancestors</c>.
/// </summary>
public abstract class EmbedWidgetTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    internal const string OriginsUrl = "api/v1/tenant/embed-origins";

    [Fact]
    public async Task The_widget_shows_the_newest_posts_with_links_that_open_the_platform_in_a_new_tab()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var newest = Titles(await GetJsonAsync(client, "api/v1/posts?pageSize=3")).ToList();

        using var page = await client.GetAsync(new Uri("einbetten?count=3", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"branding.css?v=", html, StringComparison.Ordinal);
        Assert.Equal(newest, Regex.Matches(html, "<li>\\s*<a [^>]*>([^<]+)</a>").Select(m => m.Groups[1].Value));
        var links = Regex.Matches(html, "<a [^>]*>").Select(m => m.Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, a => Assert.Contains("target=\"_blank\" rel=\"noopener\"", a, StringComparison.Ordinal));
        Assert.All(links, a => Assert.Contains("href=\"http://gross-gerau.localhost/", a, StringComparison.Ordinal));
        Assert.True(html.Length < 30 * 1024, $"{html.Length} characters");
    }

    [Fact]
    public async Task A_topic_narrows_the_widget()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var wohnen = Titles(await GetJsonAsync(client, "api/v1/posts?topic=Wohnen&pageSize=10")).ToList();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("einbetten?topic=Wohnen&count=10", UriKind.Relative)));

        Assert.NotEmpty(wohnen);
        Assert.All(wohnen, title => Assert.Contains(title, html, StringComparison.Ordinal));
        Assert.Equal(wohnen.Count, Regex.Count(html, "<li>"));
    }

    [Theory]
    [InlineData("einbetten?topic=gibtsnicht", "Unbekanntes Thema")]
    [InlineData("einbetten?count=0", "zwischen 1 und 10")]
    [InlineData("einbetten?count=11", "zwischen 1 und 10")]
    [InlineData("einbetten?count=zwei", "zwischen 1 und 10")]
    public async Task A_bad_topic_or_count_is_a_400_page_that_says_why(string path, string message)
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var page = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_widget_may_be_framed_and_only_by_the_origins_the_admins_listed()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        Assert.Equal("frame-ancestors 'none'", await FrameAncestorsAsync(client, "einbetten"));

        var admin = await SignInAsync(client, "admin@gross-gerau.example");
        using var put = await SendAsync(client, HttpMethod.Put, OriginsUrl, admin, new { origins = new[] { "https://www.Jobcenter-Gross-Gerau.example/", "https://kreis-gg.example:8443" } });
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var settings = await ReadJsonAsync(put);
        Assert.Equal(
            ["https://www.jobcenter-gross-gerau.example", "https://kreis-gg.example:8443"],
            settings.GetProperty("origins").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("http://gross-gerau.localhost/einbetten", settings.GetProperty("widgetUrl").GetString());
        Assert.StartsWith("<iframe src=\"http://gross-gerau.localhost/einbetten\" title=\"Kommunales Jobcenter Groß-Gerau\"", settings.GetProperty("snippet").GetString(), StringComparison.Ordinal);

        Assert.Equal("frame-ancestors https://www.jobcenter-gross-gerau.example https://kreis-gg.example:8443", await FrameAncestorsAsync(client, "einbetten"));
        Assert.Equal("frame-ancestors https://www.jobcenter-gross-gerau.example https://kreis-gg.example:8443", await FrameAncestorsAsync(client, "einbetten?count=zwei"));
        foreach (var other in new[] { "", "links", "veranstaltungen", "kontakt", "anmelden" })
        {
            Assert.Equal("frame-ancestors 'none'", await FrameAncestorsAsync(client, other));
        }

        using var offenbach = App.CreateTenantClient("offenbach");
        Assert.Equal("frame-ancestors 'none'", await FrameAncestorsAsync(offenbach, "einbetten"));
        using var prefix = App.CreatePrefixClient("gross-gerau");
        Assert.Equal("frame-ancestors https://www.jobcenter-gross-gerau.example https://kreis-gg.example:8443", await FrameAncestorsAsync(prefix, "einbetten"));
    }

    [Theory]
    [InlineData("http://www.jobcenter.example")]
    [InlineData("https://*.jobcenter.example")]
    [InlineData("*")]
    [InlineData("https://www.jobcenter.example/nachrichten")]
    [InlineData("https://www.jobcenter.example/?seite=1")]
    [InlineData("https://www.jobcenter.example/#oben")]
    [InlineData("https://nutzer@www.jobcenter.example")]
    [InlineData("www.jobcenter.example")]
    [InlineData("https://www.jobcenter.example; script-src *")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public async Task An_origin_that_is_not_https_host_and_port_is_a_400_naming_it(string origin)
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var admin = await SignInAsync(client, "admin@gross-gerau.example");

        using var response = await SendAsync(client, HttpMethod.Put, OriginsUrl, admin, new { origins = new[] { "https://ok.example", origin } });

        await EditorialApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "origins[1]");
        Assert.Empty((await GetJsonAsync(client, admin, OriginsUrl)).GetProperty("origins").EnumerateArray());
    }

    [Fact]
    public async Task Only_tenant_admins_list_the_origins()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var body = new { origins = new[] { "https://www.jobcenter.example" } };

        using var anonymous = await client.GetAsync(new Uri(OriginsUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var editor = await SendAsync(client, HttpMethod.Put, OriginsUrl, await SignInAsync(client, "redaktion@gross-gerau.example"), body);
        Assert.Equal(HttpStatusCode.Forbidden, editor.StatusCode);

        using var otherAdmin = App.CreateTenantClient("offenbach");
        var offenbach = await SignInAsync(otherAdmin, "admin@offenbach.example");
        using var crossTenant = await SendAsync(client, HttpMethod.Put, OriginsUrl, offenbach, body);
        Assert.True(crossTenant.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, crossTenant.StatusCode.ToString());
    }

    private static async Task<string> FrameAncestorsAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var values), $"/{path}: no policy");
        if (path.StartsWith("einbetten", StringComparison.Ordinal))
        {
            Assert.False(response.Headers.Contains("X-Frame-Options"));
        }

        return values!.Single().Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("frame-ancestors", StringComparison.Ordinal));
    }
}

public sealed class SqliteEmbedWidgetTests(SqliteApp app) : EmbedWidgetTests<SqliteApp>(app);

public sealed class PostgresEmbedWidgetTests(PostgresApp app) : EmbedWidgetTests<PostgresApp>(app);
