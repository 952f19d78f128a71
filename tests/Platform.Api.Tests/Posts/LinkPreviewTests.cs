using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NetVips;
using Platform.TestSupport;

namespace Platform.Api.Tests.Posts;

/// <summary>
/// What a messenger shows for a shared link: the page read the way a link-preview scraper reads it (one plain GET, no
/// cookies, no script), its Open Graph and Twitter tags taken from the HTML, and its image fetched and decoded.
/// </summary>
public abstract class LinkPreviewTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task A_post_with_a_cover_previews_with_its_title_summary_canonical_address_and_the_cover_at_its_stated_size()
    {
        var title = $"Vorschau mit Titelbild {Guid.NewGuid():N}";
        var id = await PublishedPosts.WithCoverAsync(App, "offenbach", title, "So klappt der Antrag auf Wohngeld.");

        var preview = await ScrapeAsync(App.CreateTenantClient("offenbach"), $"posts/{id}");

        Assert.Equal(title, preview.Property("og:title"));
        Assert.Equal("So klappt der Antrag auf Wohngeld.", preview.Property("og:description"));
        Assert.Equal(preview.Property("og:description"), preview.Name("description"));
        Assert.Equal("article", preview.Property("og:type"));
        Assert.Equal("Jobcenter MainArbeit Offenbach", preview.Property("og:site_name"));
        Assert.Equal("de_DE", preview.Property("og:locale"));
        Assert.Equal($"http://offenbach.localhost/posts/{id}", preview.Property("og:url"));
        Assert.Equal(preview.Property("og:url"), preview.Canonical);
        Assert.Equal("Ein Bild", preview.Property("og:image:alt"));
        Assert.Equal(title, preview.Name("twitter:title"));
        Assert.Equal(preview.Property("og:image"), preview.Name("twitter:image"));
        await AssertImageAsync(preview);
    }

    [Fact]
    public async Task A_page_without_its_own_image_previews_with_the_jobcenters_icon_and_every_public_page_has_a_preview()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var postId = Ids(await GetJsonAsync(client, "api/v1/posts?pageSize=1")).Single();

        foreach (var (path, type) in new[] { ("", "website"), ("?topic=Wohnen", "website"), ("veranstaltungen", "website"), ($"posts/{postId}", "article") })
        {
            var preview = await ScrapeAsync(App.CreateTenantClient("gross-gerau"), path);

            Assert.Equal(type, preview.Property("og:type"));
            Assert.Equal($"http://gross-gerau.localhost/{path}", preview.Property("og:url"));
            Assert.Equal(preview.Property("og:url"), preview.Canonical);
            Assert.False(string.IsNullOrWhiteSpace(preview.Property("og:title")), path);
            Assert.InRange(preview.Property("og:description").Length, 1, 200);
            await AssertImageAsync(preview);
        }
    }

    [Fact]
    public async Task Under_the_path_prefix_the_preview_names_the_primary_host_as_canonical()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var postId = Ids(await GetJsonAsync(client, "api/v1/posts?pageSize=1")).Single();

        var preview = await ScrapeAsync(App.CreatePrefixClient("gross-gerau"), $"posts/{postId}");

        Assert.Equal($"http://gross-gerau.localhost/posts/{postId}", preview.Canonical);
        Assert.Equal(preview.Canonical, preview.Property("og:url"));
    }

    /// <summary>Fetches og:image as the scraper would (its absolute address) and checks it decodes to the stated size.</summary>
    private async Task AssertImageAsync(Preview preview)
    {
        var image = new Uri(preview.Property("og:image"));
        Assert.True(image.IsAbsoluteUri);
        using var client = App.CreateTenantClient(image.Host.Split('.')[0]);
        using var response = await client.GetAsync(new Uri(image.PathAndQuery.TrimStart('/'), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var decoded = Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(int.Parse(preview.Property("og:image:width"), System.Globalization.CultureInfo.InvariantCulture), decoded.Width);
        Assert.Equal(int.Parse(preview.Property("og:image:height"), System.Globalization.CultureInfo.InvariantCulture), decoded.Height);
        Assert.False(string.IsNullOrWhiteSpace(preview.Property("og:image:alt")));
    }

    private static async Task<Preview> ScrapeAsync(HttpClient client, string path)
    {
        using (client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.Accept.ParseAdd("text/html");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} sets a cookie for an anonymous reader");
            var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            return new Preview(document);
        }
    }

    private sealed record Preview(IHtmlDocument Document)
    {
        public string Property(string property) =>
            Assert.Single(Document.Head!.QuerySelectorAll("meta"), m => m.GetAttribute("property") == property).GetAttribute("content")!;

        public string Name(string name) =>
            Assert.Single(Document.Head!.QuerySelectorAll("meta"), m => m.GetAttribute("name") == name).GetAttribute("content")!;

        public string Canonical =>
            Assert.Single(Document.Head!.QuerySelectorAll("link"), l => l.GetAttribute("rel") == "canonical").GetAttribute("href")!;
    }
}

public sealed class SqliteLinkPreviewTests(SqliteApp app) : LinkPreviewTests<SqliteApp>(app);

public sealed class PostgresLinkPreviewTests(PostgresApp app) : LinkPreviewTests<PostgresApp>(app);
