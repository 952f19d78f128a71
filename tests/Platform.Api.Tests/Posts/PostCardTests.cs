using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;
using static Platform.Api.Tests.Posts.EditorialApi;

namespace Platform.Api.Tests.Posts;

/// <summary>
/// Post cards as a link preview, a feed and Instagram use them: PNGs of exactly the stated size, drawn in the jobcenter's
/// branding, never failing on text, regenerated when the post or the branding changes, and the cover of a post without one.
/// </summary>
public abstract class PostCardTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Theory]
    [InlineData("1200x630", 1200, 630)]
    [InlineData("1080x1080", 1080, 1080)]
    [InlineData("1080x1350", 1080, 1350)]
    public async Task A_card_decodes_to_exactly_its_size(string size, int width, int height)
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var id = Ids(await GetJsonAsync(client, "api/v1/posts?pageSize=1")).Single();

        using var response = await client.GetAsync(new Uri($"api/v1/posts/{id}/card?size={size}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        using var image = Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(width, image.Width);
        Assert.Equal(height, image.Height);
    }

    [Fact]
    public async Task Without_a_size_the_card_is_the_link_preview_and_with_its_version_it_is_cached_for_a_year()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var post = (await GetJsonAsync(client, "api/v1/posts?pageSize=1")).GetProperty("items")[0];
        var id = post.GetProperty("id").GetGuid();
        var version = PostCards.Version(post.GetProperty("contentVersion").GetInt32(), 1);

        using var plain = await client.GetAsync(new Uri($"api/v1/posts/{id}/card", UriKind.Relative));
        using var versioned = await client.GetAsync(new Uri(PostCards.Path(id, version, PostCardSize.Preview, 320), UriKind.Relative));

        using (var image = Image.NewFromBuffer(await plain.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((1200, 630), (image.Width, image.Height));
        }

        Assert.Equal(TimeSpan.FromHours(1), plain.Headers.CacheControl?.MaxAge);
        Assert.True(versioned.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365), $"{versioned.Headers.CacheControl}");
        using var small = Image.NewFromBuffer(await versioned.Content.ReadAsByteArrayAsync());
        Assert.Equal(320, small.Width);
    }

    [Theory]
    [InlineData("1200x631")]
    [InlineData("groß")]
    [InlineData("")]
    public async Task A_size_outside_the_three_is_a_400_naming_size(string size)
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var id = Ids(await GetJsonAsync(client, "api/v1/posts?pageSize=1")).Single();

        using var response = await client.GetAsync(new Uri($"api/v1/posts/{id}/card?size={Uri.EscapeDataString(size)}", UriKind.Relative));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "size");
    }

    [Fact]
    public async Task An_unknown_an_unpublished_and_another_jobcenters_post_have_no_card()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var editor = await SignInAsync(client, "redaktion@gross-gerau.example");
        var draft = await CreateAsync(client, editor, "Noch nicht veröffentlicht");
        using var offenbach = App.CreateTenantClient("offenbach");
        var foreign = Ids(await GetJsonAsync(offenbach, "api/v1/posts?pageSize=1")).Single();

        foreach (var id in new[] { Guid.NewGuid(), draft, foreign })
        {
            using var response = await client.GetAsync(new Uri($"api/v1/posts/{id}/card?size=1080x1350", UriKind.Relative));
            await AssertProblemAsync(response, HttpStatusCode.NotFound);
        }
    }

    [Theory]
    [InlineData("longest")]
    [InlineData("emoji")]
    public async Task The_longest_title_a_post_may_have_and_an_emoji_only_title_render_in_every_size(string kind)
    {
        var title = kind == "emoji"
            ? "🎉🏠💶👩‍💻🇩🇪"
            : string.Concat(Enumerable.Repeat("Grundsicherungsweiterbewilligungsantragsformular ", 10))[..200];
        var id = await PublishedDirectlyAsync(App, "gross-gerau", title);
        using var client = App.CreateTenantClient("gross-gerau");

        foreach (var size in PostCards.Sizes)
        {
            using var response = await client.GetAsync(new Uri($"api/v1/posts/{id}/card?size={PostCards.Name(size)}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var image = Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(PostCards.Dimensions(size), (image.Width, image.Height));
        }
    }

    [Fact]
    public async Task The_renderer_draws_a_ten_thousand_character_title_cut_with_an_ellipsis()
    {
        // A post title is at most 200 characters in the database; the renderer itself takes any text.
        var title = string.Concat(Enumerable.Repeat("Weiterbewilligungsantrag für Jugendliche unter 25 ", 200))[..10_000];
        var pngs = await App.InTenantAsync("gross-gerau", async sp =>
        {
            var tenant = sp.GetRequiredService<ICurrentTenant>().Tenant!;
            var renderer = sp.GetRequiredService<IPostCardRenderer>();
            var result = new List<byte[]>();
            foreach (var size in PostCards.Sizes)
            {
                var (width, height) = PostCards.Dimensions(size);
                var spec = GetPostCardHandler.Spec(tenant, width, height, PostCardStyle.Title, "Geld", title);
                result.Add(await renderer.RenderAsync($"{tenant.Id:N}:test:{Guid.NewGuid():N}", spec, () => Task.FromResult<byte[]?>(null), null, CancellationToken.None));
            }

            return result;
        });

        for (var i = 0; i < pngs.Count; i++)
        {
            using var image = Image.NewFromBuffer(pngs[i]);
            Assert.Equal(PostCards.Dimensions(PostCards.Sizes[i]), (image.Width, image.Height));
        }
    }

    [Fact]
    public async Task An_edit_and_a_branding_change_draw_the_card_anew()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var editor = await SignInWithSecondFactorAsync(App, client, "gross-gerau", "redaktion@gross-gerau.example");
        var reviewer = await SignInWithSecondFactorAsync(App, client, "gross-gerau", "pruefung@gross-gerau.example");
        var id = await ApprovedAsync(client, editor, reviewer, "Kindergeld und Bürgergeld");
        Assert.Equal("Published", await StepOkAsync(client, reviewer, id, "publish"));
        var before = await CardAsync(client, id);

        // A published post is taken down to be edited, and published again.
        await StepOkAsync(client, editor, id, "unpublish");
        using (var edit = await SendAsync(client, HttpMethod.Put, $"{PostsUrl}/{id}", editor, new
        {
            baseVersion = 1,
            title = "Kindergeld, Kinderzuschlag und Bürgergeld",
            summary = "Kurz erklärt",
            bodyMarkdown = "Text",
            topics = new[] { "Geld" },
        }))
        {
            Assert.True(edit.IsSuccessStatusCode, await edit.Content.ReadAsStringAsync());
        }

        await StepOkAsync(client, editor, id, "submit");
        await StepOkAsync(client, reviewer, id, "approve");
        Assert.Equal("Published", await StepOkAsync(client, reviewer, id, "publish"));

        var edited = await CardAsync(client, id);
        Assert.NotEqual(before.Version, edited.Version);
        Assert.NotEqual(before.Png, edited.Png);

        var admin = await SignInWithSecondFactorAsync(App, client, "gross-gerau", "admin@gross-gerau.example");
        using (var branding = await SendAsync(client, HttpMethod.Put, "api/v1/tenant/branding", admin,
            new { displayName = "Kommunales Jobcenter Groß-Gerau", primaryColor = "#7a0052", accentColor = "#005a32" }))
        {
            Assert.True(branding.IsSuccessStatusCode, await branding.Content.ReadAsStringAsync());
        }

        var rebranded = await CardAsync(client, id);
        Assert.NotEqual(edited.Version, rebranded.Version);
        Assert.NotEqual(edited.Png, rebranded.Png);
        using var image = Image.NewFromBuffer(rebranded.Png);
        Assert.Equal([0x7a, 0x00, 0x52], image.Getpoint(1200 - 5, 630 / 2).Take(3).Select(v => (int)v));
    }

    [Fact]
    public async Task A_post_without_a_cover_shows_its_card_in_the_feed_and_on_its_page_and_as_the_feeds_enclosure()
    {
        var title = $"Ohne Titelbild {Guid.NewGuid():N}";
        var id = await PublishedDirectlyAsync(App, "gross-gerau", title);
        using var client = App.CreateTenantClient("gross-gerau");
        var version = PostCards.Version(1, 1);

        var feed = await client.GetStringAsync(new Uri("", UriKind.Relative));
        var page = await client.GetStringAsync(new Uri($"posts/{id}", UriKind.Relative));
        var atom = await client.GetStringAsync(new Uri("feed.atom", UriKind.Relative));

        Assert.Contains($"src=\"api/v1/posts/{id}/card?size=1200x630&amp;v={version}&amp;w=640\"", feed, StringComparison.Ordinal);
        Assert.Contains($"api/v1/posts/{id}/card?size=1200x630&amp;v={version}&amp;w=320 320w", feed, StringComparison.Ordinal);
        Assert.Contains($"api/v1/posts/{id}/card?size=1200x630&amp;v={version} 1200w", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"http://gross-gerau.localhost/api/v1/posts/{id}/card?size=1200x630&amp;v={version}\"", atom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Four_demo_posts_of_each_demo_jobcenter_have_a_shipped_cover_and_seeding_again_adds_none()
    {
        foreach (var slug in new[] { "gross-gerau", "offenbach" })
        {
            using var client = App.CreateTenantClient(slug);
            var covered = (await GetJsonAsync(client, "api/v1/posts?pageSize=50")).GetProperty("items").EnumerateArray()
                .Where(i => i.TryGetProperty("cover", out var cover) && cover.ValueKind == JsonValueKind.Object)
                .ToList();
            Assert.True(covered.Count >= 4, $"{slug}: {covered.Count} demo posts with a cover");
            foreach (var post in covered)
            {
                Assert.StartsWith("Zeichnung: ", post.GetProperty("coverImageAlt").GetString(), StringComparison.Ordinal);
                using var response = await client.GetAsync(new Uri($"api/v1/posts/{post.GetProperty("id").GetGuid()}/cover", UriKind.Relative));
                Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
                var bytes = await response.Content.ReadAsByteArrayAsync();
                Assert.InRange(bytes.Length, 1, 120 * 1024);
                using var image = Image.NewFromBuffer(bytes);
                Assert.Equal((1200, 675), (image.Width, image.Height));
            }
        }

        var before = await CountAsync();
        await App.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        Assert.Equal(before, await CountAsync());

        Task<(int Posts, int Images)> CountAsync() => App.InTenantAsync("gross-gerau", async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            return (await db.Posts.CountAsync(), await db.PostImages.CountAsync());
        });
    }

    /// <summary>The card as the post page offers it: its version from the page, its bytes from that address.</summary>
    private static async Task<(byte[] Png, string Version)> CardAsync(HttpClient client, Guid id)
    {
        var page = await client.GetStringAsync(new Uri($"posts/{id}", UriKind.Relative));
        var version = Regex.Match(page, $@"{id}/card\?size=1200x630&amp;v=([0-9-]+) 1200w").Groups[1].Value;
        Assert.NotEmpty(version);
        using var response = await client.GetAsync(new Uri(PostCards.Path(id, version), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("immutable", $"{response.Headers.CacheControl}", StringComparison.Ordinal);
        return (await response.Content.ReadAsByteArrayAsync(), version);
    }

}

public sealed class SqlitePostCardTests(SqliteApp app) : PostCardTests<SqliteApp>(app);

public sealed class PostgresPostCardTests(PostgresApp app) : PostCardTests<PostgresApp>(app);
