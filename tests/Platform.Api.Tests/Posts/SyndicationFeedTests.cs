using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using Platform.TestSupport;
using Platform.Web.Posts;

namespace Platform.Api.Tests.Posts;

/// <summary>
/// <c>/feed.atom</c> and <c>/feed.rss</c> as a feed reader and a jobcenter's homepage use them: parsed with .NET's own
/// syndication reader, every link followed.
/// </summary>
public abstract class SyndicationFeedTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Theory]
    [InlineData("feed.atom", "application/atom+xml")]
    [InlineData("feed.rss", "application/rss+xml")]
    public async Task A_reader_gets_the_newest_published_posts_with_absolute_links_that_open_them(string path, string mediaType)
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var newest = (await GetJsonAsync(client, $"api/v1/posts?pageSize={SyndicationEndpoints.ItemCount}"))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();

        var (feed, type) = await LoadAsync(client, path);

        Assert.Equal(mediaType, type);
        Assert.Equal("Kommunales Jobcenter Groß-Gerau", feed.Title.Text);
        Assert.Equal(newest, feed.Items.Select(i => i.Title.Text));
        Assert.All(feed.Items, item => Assert.NotEmpty(item.Categories));
        Assert.All(feed.Items, item => Assert.NotEqual(default, item.PublishDate));
        var self = Assert.Single(feed.Links, l => l.RelationshipType == "self");
        Assert.Equal(new Uri($"http://gross-gerau.localhost/{path}"), self.Uri);
        foreach (var item in feed.Items.Take(3))
        {
            var link = Assert.Single(item.Links, l => l.RelationshipType is "alternate" or null).Uri;
            Assert.True(link.IsAbsoluteUri);
            Assert.Equal("gross-gerau.localhost", link.Host);
            using var page = await client.GetAsync(new Uri(link.PathAndQuery.TrimStart('/'), UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(item.Title.Text, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("feed.atom")]
    [InlineData("feed.rss")]
    public async Task The_feed_under_the_path_prefix_is_the_same_with_the_same_absolute_links(string path)
    {
        using var byHost = App.CreateTenantClient("gross-gerau");
        using var byPrefix = App.CreatePrefixClient("gross-gerau");

        var (host, _) = await LoadAsync(byHost, path);
        var (prefix, _) = await LoadAsync(byPrefix, path);

        Assert.Equal(host.Items.Select(i => i.Links[0].Uri), prefix.Items.Select(i => i.Links[0].Uri));
    }

    [Theory]
    [InlineData("feed.atom")]
    [InlineData("feed.rss")]
    public async Task A_topic_narrows_the_feed_and_an_unknown_one_is_a_400_naming_it(string path)
    {
        using var client = App.CreateTenantClient("gross-gerau");

        var (feed, _) = await LoadAsync(client, $"{path}?topic=Wohnen");
        Assert.NotEmpty(feed.Items);
        Assert.All(feed.Items, item => Assert.Contains(item.Categories, c => c.Name == "Wohnen"));

        using var bad = await client.GetAsync(new Uri($"{path}?topic=gibtsnicht", UriKind.Relative));
        await EditorialApi.AssertProblemAsync(bad, HttpStatusCode.BadRequest, "topic");
    }

    [Fact]
    public async Task A_post_with_a_cover_carries_it_as_enclosure_and_only_in_its_own_jobcenters_feed()
    {
        var title = $"Mit Titelbild {Guid.NewGuid():N}";
        await PublishedPosts.WithCoverAsync(App, "offenbach", title);
        using var offenbach = App.CreateTenantClient("offenbach");

        var (atom, _) = await LoadAsync(offenbach, "feed.atom");
        var (rss, _) = await LoadAsync(offenbach, "feed.rss");

        var atomCover = Assert.Single(atom.Items.First(i => i.Title.Text == title).Links, l => l.RelationshipType == "enclosure").Uri;
        var rssItem = rss.Items.First(i => i.Title.Text == title);
        var media = Assert.Single(rssItem.ElementExtensions, e => e.OuterName == "content" && e.OuterNamespace == "http://search.yahoo.com/mrss/")
            .GetReader();
        Assert.Equal(atomCover.AbsoluteUri, media.GetAttribute("url"));
        Assert.Equal("image", media.GetAttribute("medium"));
        using var cover = await offenbach.GetAsync(new Uri(atomCover.PathAndQuery.TrimStart('/'), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, cover.StatusCode);
        Assert.StartsWith("image/", cover.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);

        using var grossGerau = App.CreateTenantClient("gross-gerau");
        var (other, _) = await LoadAsync(grossGerau, "feed.atom");
        Assert.DoesNotContain(other.Items, i => i.Title.Text == title);
    }

    [Theory]
    [InlineData("feed.atom")]
    [InlineData("feed.rss")]
    public async Task A_post_without_a_cover_carries_its_1200_by_630_card_as_enclosure(string path)
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var withoutCover = (await GetJsonAsync(client, $"api/v1/posts?pageSize={SyndicationEndpoints.ItemCount}"))
            .GetProperty("items").EnumerateArray().First(i => !i.TryGetProperty("cover", out var cover) || cover.ValueKind == JsonValueKind.Null);
        var title = withoutCover.GetProperty("title").GetString();

        var (feed, _) = await LoadAsync(client, path);

        var item = feed.Items.First(i => i.Title.Text == title);
        var image = path == "feed.atom"
            ? Assert.Single(item.Links, l => l.RelationshipType == "enclosure").Uri
            : new Uri(Assert.Single(item.ElementExtensions, e => e.OuterName == "content").GetReader().GetAttribute("url")!);
        Assert.Equal("gross-gerau.localhost", image.Host);
        Assert.Contains($"/api/v1/posts/{withoutCover.GetProperty("id").GetGuid()}/card?size=1200x630&v=", image.AbsoluteUri, StringComparison.Ordinal);
        using var card = await client.GetAsync(new Uri(image.PathAndQuery.TrimStart('/'), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
        using var decoded = NetVips.Image.NewFromBuffer(await card.Content.ReadAsByteArrayAsync());
        Assert.Equal((1200, 630), (decoded.Width, decoded.Height));
        if (path == "feed.rss")
        {
            var media = Assert.Single(item.ElementExtensions, e => e.OuterName == "content").GetReader();
            Assert.Equal("1200", media.GetAttribute("width"));
            Assert.Equal("630", media.GetAttribute("height"));
        }
    }

    [Fact]
    public async Task Every_page_of_a_jobcenter_links_its_feeds()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("veranstaltungen", UriKind.Relative)));

        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"feed.atom\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"feed.rss\"", html, StringComparison.Ordinal);
    }

    private static async Task<(SyndicationFeed Feed, string? MediaType)> LoadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(body, new XmlReaderSettings { Async = false, DtdProcessing = DtdProcessing.Prohibit });
        return (SyndicationFeed.Load(reader), response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class SqliteSyndicationFeedTests(SqliteApp app) : SyndicationFeedTests<SqliteApp>(app);

public sealed class PostgresSyndicationFeedTests(PostgresApp app) : SyndicationFeedTests<PostgresApp>(app);
