using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.TestSupport;
using static Platform.Api.Tests.Posts.EditorialApi;

namespace Platform.Api.Tests.Posts;

/// <summary>The Instagram kit as an editor uses it: caption and slides by API, every slide fetched and decoded, the ZIP unpacked.</summary>
public abstract class InstagramKitTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task A_published_post_gets_a_caption_without_links_and_slides_that_end_with_the_link_in_the_bio()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var editor = await SignInAsync(client, "redaktion@gross-gerau.example");
        var id = await DemoPostAsync(client, "Erste eigene Wohnung unter 25");

        var kit = await GetJsonAsync(client, editor, $"{PostsUrl}/{id}/instagram");

        var caption = kit.GetProperty("caption").GetString()!;
        Assert.InRange(caption.Length, 1, 2200);
        Assert.DoesNotContain("http", caption, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Link in der Bio", caption, StringComparison.Ordinal);
        Assert.Contains("#Wohnen", caption, StringComparison.Ordinal);
        Assert.Contains("#Geld", caption, StringComparison.Ordinal);
        Assert.StartsWith("Erste eigene Wohnung unter 25", caption, StringComparison.Ordinal);
        var slides = kit.GetProperty("slides").EnumerateArray().ToList();
        Assert.InRange(slides.Count, 3, 10);
        Assert.Contains("Link in der Bio", slides[^1].GetProperty("altText").GetString(), StringComparison.Ordinal);
        Assert.Contains("gross-gerau.localhost", slides[^1].GetProperty("altText").GetString(), StringComparison.Ordinal);
        foreach (var slide in slides)
        {
            Assert.Equal(1080, slide.GetProperty("width").GetInt32());
            Assert.Equal(1350, slide.GetProperty("height").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(slide.GetProperty("altText").GetString()));
            var url = new Uri(slide.GetProperty("url").GetString()!);
            Assert.True(url.IsAbsoluteUri);
            Assert.Equal("gross-gerau.localhost", url.Host);
            using var png = await SendAsync(client, HttpMethod.Get, url.PathAndQuery.TrimStart('/'), editor);
            Assert.Equal(HttpStatusCode.OK, png.StatusCode);
            Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
            using var image = Image.NewFromBuffer(await png.Content.ReadAsByteArrayAsync());
            Assert.Equal((1080, 1350), (image.Width, image.Height));
        }
    }

    [Fact]
    public async Task A_short_post_is_one_title_card_and_a_long_one_at_most_ten_slides()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var editor = await SignInAsync(client, "redaktion@gross-gerau.example");
        var longBody = "## Was du wissen musst\n\n" + string.Join("\n", Enumerable.Range(1, 60).Select(i =>
            $"- Punkt {i}: Weiterbewilligungsanträge rechtzeitig stellen, Nachweise beilegen, Fristen beachten und nachfragen, https://example.org/{i}"));
        var shortId = await PublishedDirectlyAsync(App, "gross-gerau", "Kurz und knapp", "Nur ein Satz.", summary: "Siehe https://example.org und www.example.org");
        var longId = await PublishedDirectlyAsync(App, "gross-gerau", "Alles über den Weiterbewilligungsantrag", longBody, summary: string.Concat(Enumerable.Repeat("Bürgergeld verstehen. ", 22)).Trim());

        var shortKit = await GetJsonAsync(client, editor, $"{PostsUrl}/{shortId}/instagram");
        var longKit = await GetJsonAsync(client, editor, $"{PostsUrl}/{longId}/instagram");

        Assert.Single(shortKit.GetProperty("slides").EnumerateArray());
        Assert.DoesNotContain("example.org", shortKit.GetProperty("caption").GetString(), StringComparison.Ordinal);
        var slides = longKit.GetProperty("slides").EnumerateArray().ToList();
        Assert.Equal(10, slides.Count);
        Assert.Contains("Link in der Bio", slides[^1].GetProperty("altText").GetString(), StringComparison.Ordinal);
        Assert.Contains("Punkt 1:", slides[1].GetProperty("altText").GetString(), StringComparison.Ordinal);
        Assert.InRange(longKit.GetProperty("caption").GetString()!.Length, 1, 2200);
    }

    [Fact]
    public async Task The_zip_holds_every_slide_as_png_the_caption_and_the_alt_texts()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var editor = await SignInAsync(client, "redaktion@gross-gerau.example");
        var id = await DemoPostAsync(client, "Erste eigene Wohnung unter 25");
        var kit = await GetJsonAsync(client, editor, $"{PostsUrl}/{id}/instagram");
        var count = kit.GetProperty("slides").GetArrayLength();

        using var response = await SendAsync(client, HttpMethod.Get, $"{PostsUrl}/{id}/instagram.zip", editor);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var pngs = zip.Entries.Where(e => e.Name.EndsWith(".png", StringComparison.Ordinal)).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(count, pngs.Count);
        Assert.Equal("folie-01.png", pngs[0].Name);
        foreach (var entry in pngs)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            using var image = Image.NewFromBuffer(copy.ToArray());
            Assert.Equal((1080, 1350), (image.Width, image.Height));
        }

        Assert.Equal(kit.GetProperty("caption").GetString() + "\n", await ReadEntryAsync(zip, "caption.txt"));
        var altTexts = (await ReadEntryAsync(zip, "alt-texts.txt")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(count, altTexts.Length);
        Assert.StartsWith("folie-01.png: ", altTexts[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_editorial_staff_get_the_kit()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var id = await DemoPostAsync(client, "Erste eigene Wohnung unter 25");
        var jana = await SignInAsync(client, "jana@gross-gerau.example");

        foreach (var path in new[] { "instagram", "instagram.zip", "instagram/slides/1.png" })
        {
            using var anonymous = await client.GetAsync(new Uri($"{PostsUrl}/{id}/{path}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            using var reader = await SendAsync(client, HttpMethod.Get, $"{PostsUrl}/{id}/{path}", jana);
            Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        }
    }

    [Fact]
    public async Task A_scheduled_post_has_a_kit_and_a_draft_an_unknown_or_another_jobcenters_post_is_404()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var editor = await SignInAsync(client, "redaktion@gross-gerau.example");
        var scheduled = (await GetJsonAsync(client, editor, $"{PostsUrl}?status=Scheduled")).EnumerateArray().First().GetProperty("id").GetGuid();
        var draft = await CreateAsync(client, editor, "Entwurf");
        using var offenbach = App.CreateTenantClient("offenbach");
        var foreign = Ids(await GetJsonAsync(offenbach, "api/v1/posts?pageSize=1")).Single();

        Assert.NotEmpty((await GetJsonAsync(client, editor, $"{PostsUrl}/{scheduled}/instagram")).GetProperty("slides").EnumerateArray());
        foreach (var id in new[] { draft, Guid.NewGuid(), foreign })
        {
            foreach (var path in new[] { "instagram", "instagram.zip", "instagram/slides/1.png" })
            {
                using var response = await SendAsync(client, HttpMethod.Get, $"{PostsUrl}/{id}/{path}", editor);
                await AssertProblemAsync(response, HttpStatusCode.NotFound);
            }
        }

        using var beyond = await SendAsync(client, HttpMethod.Get, $"{PostsUrl}/{scheduled}/instagram/slides/11.png", editor);
        await AssertProblemAsync(beyond, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_library_post_comes_in_the_branding_of_each_jobcenter_that_adopted_it()
    {
        using var grossGerau = App.CreateTenantClient("gross-gerau");
        using var offenbach = App.CreateTenantClient("offenbach");
        var network = await SignInWithSecondFactorAsync(App, grossGerau, "gross-gerau", "netzwerk@gross-gerau.example");
        var networkOffenbach = await SignInWithSecondFactorAsync(App, offenbach, "offenbach", "netzwerk@offenbach.example");
        var created = await OkAsync(grossGerau, HttpMethod.Post, "api/v1/library", network, new
        {
            title = "Ausbildungsstart: was jetzt wichtig ist",
            summary = "Für alle Jobcenter",
            bodyMarkdown = "Ruf uns an: {{Jobcenter.Telefon}}",
            topics = new[] { "Ausbildung" },
        });
        var itemId = created.GetProperty("id").GetGuid();
        await OkAsync(grossGerau, HttpMethod.Post, $"api/v1/library/{itemId}/submit", network);
        await OkAsync(offenbach, HttpMethod.Post, $"api/v1/library/{itemId}/approve", networkOffenbach);

        var colours = new List<int[]>();
        var slides = new List<byte[]>();
        foreach (var (slug, client) in new[] { ("gross-gerau", grossGerau), ("offenbach", offenbach) })
        {
            var editor = await SignInAsync(client, $"redaktion@{slug}.example");
            var adopted = await OkAsync(client, HttpMethod.Post, $"api/v1/library/{itemId}/adopt", editor);
            var postId = adopted.GetProperty("postId").GetGuid();
            await App.InTenantAsync(slug, async sp =>
            {
                var db = sp.GetRequiredService<IAppDbContext>();
                var post = db.Posts.Single(p => p.Id == postId);
                post.PublishNow(PostActor.System, DateTime.UtcNow, fourEyesRule: false);
                await db.SaveChangesAsync();
            });

            var css = await client.GetStringAsync(new Uri("branding.css", UriKind.Relative));
            var primary = Regex.Match(css, "--brand-primary:#([0-9a-f]{6})").Groups[1].Value;
            colours.Add([.. Enumerable.Range(0, 3).Select(i => Convert.ToInt32(primary.Substring(i * 2, 2), 16))]);
            using var png = await SendAsync(client, HttpMethod.Get, $"{PostsUrl}/{postId}/instagram/slides/1.png", editor);
            Assert.Equal(HttpStatusCode.OK, png.StatusCode);
            slides.Add(await png.Content.ReadAsByteArrayAsync());
        }

        Assert.NotEqual(colours[0], colours[1]);
        for (var i = 0; i < 2; i++)
        {
            using var image = Image.NewFromBuffer(slides[i]);
            Assert.Equal(colours[i], image.Getpoint(1080 - 5, 1350 / 2).Take(3).Select(v => (int)v));
        }
    }

    private static async Task<JsonElement> OkAsync(HttpClient client, HttpMethod method, string url, string token, object? body = null)
    {
        using var response = await SendAsync(client, method, url, token, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<string> ReadEntryAsync(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(Assert.Single(zip.Entries, e => e.Name == name).Open());
        return await reader.ReadToEndAsync();
    }

    private static async Task<Guid> DemoPostAsync(HttpClient client, string title)
    {
        var feed = await GetJsonAsync(client, "api/v1/posts?pageSize=50");
        return feed.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString() == title).GetProperty("id").GetGuid();
    }

}

public sealed class SqliteInstagramKitTests(SqliteApp app) : InstagramKitTests<SqliteApp>(app);

public sealed class PostgresInstagramKitTests(PostgresApp app) : InstagramKitTests<PostgresApp>(app);
