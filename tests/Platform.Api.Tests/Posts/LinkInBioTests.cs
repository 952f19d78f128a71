using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Platform.TestSupport;

namespace Platform.Api.Tests.Posts;

/// <summary>
/// The link page (<c>/links</c>) an Instagram profile points to, and the editors' API for its pinned links
/// (<c>GET/PUT /api/v1/editorial/links</c>).
/// </summary>
public abstract class LinkInBioTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    internal const string LinksUrl = "api/v1/editorial/links";

    [Fact]
    public async Task Editors_pin_links_and_the_page_shows_them_in_order_then_the_next_events_and_the_contact_ways()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, "redaktion@gross-gerau.example");
        var post = (await GetJsonAsync(client, "api/v1/posts?pageSize=1")).GetProperty("items")[0];
        var events = (await GetJsonAsync(client, "api/v1/events")).EnumerateArray().ToList();
        var items = new object[]
        {
            new { kind = "External", label = "Termin online buchen", url = "https://termine.jobcenter-gross-gerau.example/u25" },
            new { kind = "Post", label = "Das Neueste", postId = post.GetProperty("id").GetGuid() },
            new { kind = "Event", label = "Nächster Termin", postId = events[0].GetProperty("id").GetGuid() },
            new { kind = "Contact", label = "Schreib uns" },
        };

        using var put = await SendAsync(client, HttpMethod.Put, LinksUrl, token, new { items });
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var saved = await GetJsonAsync(client, token, LinksUrl);
        Assert.Equal(
            ["Termin online buchen", "Das Neueste", "Nächster Termin", "Schreib uns"],
            saved.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("links", UriKind.Relative)));
        var positions = new[]
        {
            html.IndexOf("Kommunales Jobcenter Groß-Gerau</h1>", StringComparison.Ordinal),
            html.IndexOf("href=\"https://termine.jobcenter-gross-gerau.example/u25\" rel=\"noopener\">Termin online buchen", StringComparison.Ordinal),
            html.IndexOf($"href=\"posts/{post.GetProperty("id").GetGuid()}\">Das Neueste", StringComparison.Ordinal),
            html.IndexOf($"href=\"posts/{events[0].GetProperty("id").GetGuid()}\">Nächster Termin", StringComparison.Ordinal),
            html.IndexOf("href=\"kontakt\">Schreib uns", StringComparison.Ordinal),
            html.IndexOf($">{events[0].GetProperty("title").GetString()}</a>", StringComparison.Ordinal),
            html.IndexOf("href=\"tel:06152000100\"", StringComparison.Ordinal),
            html.IndexOf("href=\"mailto:u25@jobcenter-gross-gerau.example\"", StringComparison.Ordinal),
        };
        Assert.All(positions, p => Assert.True(p >= 0, html));
        Assert.Equal(positions.Order(), positions);
        Assert.True(events.Count <= 3 || !html.Contains($">{events[3].GetProperty("title").GetString()}</a>", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_page_is_tiny_sets_no_cookie_and_needs_no_script(bool byPrefix)
    {
        using var client = byPrefix ? App.CreatePrefixClient("gross-gerau") : App.CreateTenantClient("gross-gerau");

        using var page = await client.GetAsync(new Uri("links", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(byPrefix ? "<base href=\"/t/gross-gerau/\"" : "<base href=\"/\"", html, StringComparison.Ordinal);
        var bytes = (await page.Content.ReadAsByteArrayAsync()).Length;
        foreach (var stylesheet in Regex.Matches(html, "<link rel=\"stylesheet\" href=\"([^\"]+)\"").Select(m => m.Groups[1].Value))
        {
            using var css = await client.GetAsync(new Uri(WebUtility.HtmlDecode(stylesheet), UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.False(css.Headers.Contains("Set-Cookie"));
            bytes += (await css.Content.ReadAsByteArrayAsync()).Length;
        }

        Assert.True(bytes <= 30 * 1024, $"{bytes} bytes of HTML and CSS");
    }

    [Fact]
    public async Task A_pinned_post_that_is_no_longer_published_is_skipped()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, "redaktion@gross-gerau.example");
        var ids = Ids(await GetJsonAsync(client, "api/v1/posts?pageSize=2")).ToList();
        using var put = await SendAsync(client, HttpMethod.Put, LinksUrl, token, new
        {
            items = new[] { new { kind = "Post", label = "Bleibt", postId = ids[0] }, new { kind = "Post", label = "Geht", postId = ids[1] } },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        using var unpublish = await EditorialApi.StepAsync(client, token, ids[1], "unpublish");
        Assert.Equal(HttpStatusCode.OK, unpublish.StatusCode);
        await Task.Delay(1100); // the page is cached for one second, like the feed

        var html = await client.GetStringAsync(new Uri("links", UriKind.Relative));
        Assert.Contains(">Bleibt</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Geht</a>", html, StringComparison.Ordinal);
        Assert.Equal(2, (await GetJsonAsync(client, token, LinksUrl)).GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("""{ "kind": "External", "label": "Termine", "url": "http://termine.example" }""", "items[0].url")]
    [InlineData("""{ "kind": "External", "label": "Termine", "url": "termine.example" }""", "items[0].url")]
    [InlineData("""{ "kind": "External", "label": "Termine" }""", "items[0].url")]
    [InlineData("""{ "kind": "External", "label": "", "url": "https://termine.example" }""", "items[0].label")]
    [InlineData("""{ "kind": "Post", "label": "Neu" }""", "items[0].postId")]
    [InlineData("""{ "kind": "Post", "label": "Neu", "postId": "0193d0a4-0000-7000-8000-000000000000" }""", "items[0].postId")]
    [InlineData("""{ "kind": "Contact", "label": "Kontakt", "url": "https://termine.example" }""", "items[0].url")]
    [InlineData("""{ "kind": "Anything", "label": "Kontakt" }""", "items[0].kind")]
    public async Task A_bad_item_is_a_400_naming_its_field(string item, string field)
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, "redaktion@gross-gerau.example");

        using var response = await PutRawAsync(client, token, $$"""{ "items": [ {{item}} ] }""");

        await EditorialApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task The_third_item_names_itself_and_a_post_that_is_no_event_cannot_be_pinned_as_one()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, "redaktion@gross-gerau.example");
        var events = (await GetJsonAsync(client, "api/v1/events")).EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToHashSet();
        var plain = Ids(await GetJsonAsync(client, "api/v1/posts?pageSize=50")).First(id => !events.Contains(id));

        using var response = await SendAsync(client, HttpMethod.Put, LinksUrl, token, new
        {
            items = new object[]
            {
                new { kind = "Contact", label = "Kontakt" },
                new { kind = "Contact", label = "Noch mal" },
                new { kind = "Event", label = "Termin", postId = plain },
            },
        });

        await EditorialApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "items[2].postId");
    }

    [Fact]
    public async Task Nine_items_are_a_400_and_eight_are_fine()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, "redaktion@gross-gerau.example");
        object Item(int i) => new { kind = "External", label = $"Link {i}", url = $"https://example.org/{i}" };

        using var nine = await SendAsync(client, HttpMethod.Put, LinksUrl, token, new { items = Enumerable.Range(1, 9).Select(Item) });
        await EditorialApi.AssertProblemAsync(nine, HttpStatusCode.BadRequest, "items");
        Assert.Equal(0, (await GetJsonAsync(client, token, LinksUrl)).GetProperty("items").GetArrayLength());

        using var eight = await SendAsync(client, HttpMethod.Put, LinksUrl, token, new { items = Enumerable.Range(1, 8).Select(Item) });
        Assert.Equal(HttpStatusCode.OK, eight.StatusCode);
        Assert.Equal(8, (await GetJsonAsync(client, token, LinksUrl)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Only_editorial_staff_read_and_change_the_pins()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var body = new { items = new[] { new { kind = "Contact", label = "Kontakt" } } };

        using var anonymousGet = await client.GetAsync(new Uri(LinksUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousGet.StatusCode);
        using var anonymousPut = await client.PutAsync(new Uri(LinksUrl, UriKind.Relative), JsonContent.Create(body));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousPut.StatusCode);

        var young = await SignInAsync(client, "jana@gross-gerau.example");
        using var youngGet = await SendAsync(client, HttpMethod.Get, LinksUrl, young);
        Assert.Equal(HttpStatusCode.Forbidden, youngGet.StatusCode);
        using var youngPut = await SendAsync(client, HttpMethod.Put, LinksUrl, young, body);
        Assert.Equal(HttpStatusCode.Forbidden, youngPut.StatusCode);

        foreach (var staff in new[] { "redaktion@gross-gerau.example", "pruefung@gross-gerau.example", "admin@gross-gerau.example" })
        {
            using var put = await SendAsync(client, HttpMethod.Put, LinksUrl, await SignInAsync(client, staff), body);
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
    }

    [Fact]
    public async Task A_change_is_in_the_audit_log()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, "redaktion@gross-gerau.example");
        using var put = await SendAsync(client, HttpMethod.Put, LinksUrl, token, new { items = new[] { new { kind = "Contact", label = "Kontakt" } } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var log = await GetJsonAsync(client, await SignInAsync(client, "admin@gross-gerau.example"), "api/v1/tenant/audit");
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("action").GetString() == "links.changed");
    }

    internal static async Task<HttpResponseMessage> PutRawAsync(HttpClient client, string token, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, LinksUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }
}

public sealed class SqliteLinkInBioTests(SqliteApp app) : LinkInBioTests<SqliteApp>(app);

public sealed class PostgresLinkInBioTests(PostgresApp app) : LinkInBioTests<PostgresApp>(app);
