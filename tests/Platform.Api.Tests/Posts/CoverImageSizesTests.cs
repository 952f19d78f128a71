using System.Net;
using NetVips;
using Platform.TestSupport;
using static Platform.Api.Tests.Posts.EditorialApi;

namespace Platform.Api.Tests.Posts;

/// <summary>Cover images in the sizes that fit the screen: smaller copies on request, never larger, versioned for long caching.</summary>
public abstract class CoverImageSizesTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task A_large_cover_comes_320_pixels_wide_on_request_and_the_pages_offer_every_size()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var (id, editor) = await CreateWithCoverAsync(client, "Bewerbungsmappe: so sieht sie aus", LargeJpeg(2000, 1000));

        // A draft's cover stays hidden in every size.
        using (var draft = await client.GetAsync(new Uri($"api/v1/posts/{id}/cover?w=320", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        }

        await PublishAsync(client, editor, id);
        var cover = (await GetJsonAsync(client, $"api/v1/posts/{id}")).GetProperty("cover");
        Assert.Equal(2000, cover.GetProperty("width").GetInt32());
        Assert.Equal(1000, cover.GetProperty("height").GetInt32());
        var version = cover.GetProperty("version").GetString()!;

        using var small = await client.GetAsync(new Uri($"api/v1/posts/{id}/cover?v={version}&w=320", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal("image/webp", small.Content.Headers.ContentType?.MediaType);
        Assert.True(small.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365), $"{small.Headers.CacheControl}");
        var smallBytes = await small.Content.ReadAsByteArrayAsync();
        using (var decoded = Image.NewFromBuffer(smallBytes))
        {
            Assert.Equal(320, decoded.Width);
            Assert.Equal(160, decoded.Height);
        }

        using var original = await client.GetAsync(new Uri($"api/v1/posts/{id}/cover", UriKind.Relative));
        var originalBytes = await original.Content.ReadAsByteArrayAsync();
        Assert.True(smallBytes.Length * 3 < originalBytes.Length, $"{smallBytes.Length} bytes for 320 px, {originalBytes.Length} for the original");
        Assert.Equal(TimeSpan.FromHours(1), original.Headers.CacheControl?.MaxAge);

        using (var wide = await client.GetAsync(new Uri($"api/v1/posts/{id}/cover?w=1024", UriKind.Relative)))
        {
            using var decoded = Image.NewFromBuffer(await wide.Content.ReadAsByteArrayAsync());
            Assert.Equal(1024, decoded.Width);
        }

        // Another jobcenter gets nothing, in no size (and no cached copy).
        using var offenbach = App.CreateTenantClient("offenbach");
        using (var foreign = await offenbach.GetAsync(new Uri($"api/v1/posts/{id}/cover?v={version}&w=320", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        var page = await client.GetStringAsync(new Uri($"posts/{id}", UriKind.Relative));
        Assert.Contains($"api/v1/posts/{id}/cover?v={version}&amp;w=320 320w", page, StringComparison.Ordinal);
        Assert.Contains($"api/v1/posts/{id}/cover?v={version} 2000w", page, StringComparison.Ordinal);
        Assert.Contains("width=\"2000\" height=\"1000\"", page, StringComparison.Ordinal);
        Assert.Contains("sizes=\"", page, StringComparison.Ordinal);
        var feed = await client.GetStringAsync(new Uri("", UriKind.Relative));
        Assert.Contains($"api/v1/posts/{id}/cover?v={version}&amp;w=640 640w", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_cover_is_never_enlarged()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var (id, editor) = await CreateWithCoverAsync(client, "Kleines Bild", TinyPng);
        await PublishAsync(client, editor, id);

        using var response = await client.GetAsync(new Uri($"api/v1/posts/{id}/cover?w=640", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        CraftedImages.AssertSamePixels(TinyPng, await response.Content.ReadAsByteArrayAsync());
        var page = await client.GetStringAsync(new Uri($"posts/{id}", UriKind.Relative));
        Assert.Matches($@"srcset=""api/v1/posts/{id}/cover\?v=[0-9a-f]+ 1w""", page);
        Assert.DoesNotMatch($@"{id}/cover\?v=[0-9a-f]+&amp;w=", page);
    }

    [Theory]
    [InlineData("300")]
    [InlineData("0")]
    [InlineData("-320")]
    [InlineData("breit")]
    [InlineData("99999999999")]
    public async Task A_width_that_is_not_offered_is_a_400_naming_w(string w)
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.GetAsync(new Uri($"api/v1/posts/{Guid.NewGuid()}/cover?w={Uri.EscapeDataString(w)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await ReadJsonAsync(response)).GetProperty("errors").TryGetProperty("w", out _));
    }

    [Fact]
    public async Task A_jpeg_with_a_plausible_frame_but_nothing_readable_is_a_400_naming_the_cover()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var editor = await SignInWithSecondFactorAsync(App, client, "gross-gerau", "redaktion@gross-gerau.example");

        // Start of image, a frame header of 16 × 16 pixels, end of image: the signature check passes, a decoder does not.
        var damaged = Convert.FromHexString("FFD8" + "FFC0001108001000100301220002110103110100" + "FFD9");
        using var created = await SendAsync(client, HttpMethod.Post, PostsUrl, editor, new
        {
            title = "Kaputtes Bild",
            summary = "Mit Titelbild",
            bodyMarkdown = "Text.",
            topics = new[] { "Ausbildung" },
            coverImage = Convert.ToBase64String(damaged),
            coverImageAlt = "Nichts zu sehen",
        });

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        var problem = await ReadJsonAsync(created);
        Assert.True(problem.GetProperty("errors").TryGetProperty("coverImage", out var messages), problem.ToString());
        Assert.Contains("kann nicht vollständig gelesen werden", messages.ToString(), StringComparison.Ordinal);
    }

    private static byte[] LargeJpeg(int width, int height)
    {
        // A smooth gradient: large in pixels, small enough in bytes for the 1 MB upload limit.
        using var gradient = Image.Xyz(width, height);
        using var band = gradient.ExtractBand(0);
        using var scaled = band.Linear([255.0 / width], [0.0]);
        using var rgb = scaled.Bandjoin(scaled, scaled);
        using var bytes = rgb.Cast(Enums.BandFormat.Uchar);
        return bytes.JpegsaveBuffer(q: 85);
    }

    private async Task<(Guid Id, string Editor)> CreateWithCoverAsync(HttpClient client, string title, byte[] image)
    {
        var editor = await SignInWithSecondFactorAsync(App, client, "gross-gerau", "redaktion@gross-gerau.example");
        using var created = await SendAsync(client, HttpMethod.Post, PostsUrl, editor, new
        {
            title,
            summary = "Mit Titelbild",
            bodyMarkdown = "Text.",
            topics = new[] { "Ausbildung" },
            coverImage = Convert.ToBase64String(image),
            coverImageAlt = "Eine Bewerbungsmappe auf einem Tisch",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return ((await ReadJsonAsync(created)).GetProperty("id").GetGuid(), editor);
    }

    private async Task PublishAsync(HttpClient client, string editor, Guid id)
    {
        var reviewer = await SignInWithSecondFactorAsync(App, client, "gross-gerau", "pruefung@gross-gerau.example");
        await StepOkAsync(client, editor, id, "submit");
        await StepOkAsync(client, reviewer, id, "approve");
        Assert.Equal("Published", await StepOkAsync(client, reviewer, id, "publish"));
    }
}

public sealed class SqliteCoverImageSizesTests(SqliteApp app) : CoverImageSizesTests<SqliteApp>(app);

public sealed class PostgresCoverImageSizesTests(PostgresApp app) : CoverImageSizesTests<PostgresApp>(app);
