using System.Net;
using Platform.TestSupport;
using static Platform.Api.Tests.Posts.EditorialApi;

namespace Platform.Api.Tests.Posts;

/// <summary>What a reader gets with one post: its Einfache Sprache version, language, call to action, cover and related posts.</summary>
public abstract class PostReadingTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task A_published_post_brings_its_easy_version_call_to_action_cover_and_related_posts()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var editor = await SignInWithSecondFactorAsync(App, client, "gross-gerau", "redaktion@gross-gerau.example");
        var reviewer = await SignInWithSecondFactorAsync(App, client, "gross-gerau", "pruefung@gross-gerau.example");
        using var created = await SendAsync(client, HttpMethod.Post, PostsUrl, editor, new
        {
            title = "Miete und Heizung: was das Jobcenter zahlt",
            summary = "Kosten der Unterkunft kurz erklärt",
            bodyMarkdown = "Das Jobcenter zahlt **angemessene** Kosten.",
            topics = new[] { "Wohnen", "Geld" },
            language = "de",
            easyTitle = "Miete: Das zahlt das Jobcenter",
            easySummary = "In einfacher Sprache",
            easyBodyMarkdown = "Das Jobcenter zahlt die Miete. Die Miete darf nicht zu hoch sein.",
            callToActionLabel = "Termin buchen",
            callToActionUrl = "https://termine.example/gross-gerau",
            coverImage = Convert.ToBase64String(TinyPng),
            coverImageAlt = "Ein Schlüsselbund auf einem Mietvertrag",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await ReadJsonAsync(created)).GetProperty("id").GetGuid();

        // Not public yet: neither the post nor its cover.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"api/v1/posts/{id}/cover", UriKind.Relative))).StatusCode);

        await StepOkAsync(client, editor, id, "submit");
        await StepOkAsync(client, reviewer, id, "approve");
        Assert.Equal("Published", await StepOkAsync(client, reviewer, id, "publish"));

        var post = await GetJsonAsync(client, $"api/v1/posts/{id}");
        Assert.Equal("de", post.GetProperty("language").GetString());
        var easy = post.GetProperty("easyLanguage");
        Assert.Equal("Miete: Das zahlt das Jobcenter", easy.GetProperty("title").GetString());
        Assert.Contains("Die Miete darf nicht zu hoch sein.", easy.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://termine.example/gross-gerau", post.GetProperty("callToAction").GetProperty("url").GetString());
        Assert.Equal("Ein Schlüsselbund auf einem Mietvertrag", post.GetProperty("coverImageAlt").GetString());

        // Related: other published posts sharing a topic (the demo content has Wohnen and Geld posts), never itself.
        var related = post.GetProperty("related").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.InRange(related.Count, 1, 3);
        Assert.DoesNotContain(id, related);
        foreach (var other in related)
        {
            var topics = (await GetJsonAsync(client, $"api/v1/posts/{other}")).GetProperty("topics").EnumerateArray().Select(t => t.GetString());
            Assert.Contains(topics, t => t is "Wohnen" or "Geld");
        }

        using var cover = await client.GetAsync(new Uri($"api/v1/posts/{id}/cover", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, cover.StatusCode);
        Assert.Equal("image/png", cover.Content.Headers.ContentType?.MediaType);
        CraftedImages.AssertSamePixels(TinyPng, await cover.Content.ReadAsByteArrayAsync());

        // Another jobcenter knows neither the post nor its cover.
        using var offenbach = App.CreateTenantClient("offenbach");
        Assert.Equal(HttpStatusCode.NotFound, (await offenbach.GetAsync(new Uri($"api/v1/posts/{id}/cover", UriKind.Relative))).StatusCode);

        // The page offers the two language forms and shows the easy one on request.
        var page = await client.GetStringAsync(new Uri($"posts/{id}?sprache=einfach", UriKind.Relative));
        Assert.Contains("<h1>Miete: Das zahlt das Jobcenter</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Die Miete darf nicht zu hoch sein.", page, StringComparison.Ordinal);
        Assert.Contains($"alt=\"Ein Schlüsselbund auf einem Mietvertrag\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://termine.example/gross-gerau\"", page, StringComparison.Ordinal);
        var standard = await client.GetStringAsync(new Uri($"posts/{id}", UriKind.Relative));
        Assert.Contains("<h1>Miete und Heizung: was das Jobcenter zahlt</h1>", standard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_to_a_signed_in_person_are_never_stored_answers_to_readers_may_be()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        using (var anonymous = await client.GetAsync(new Uri("api/v1/posts", UriKind.Relative)))
        {
            Assert.False(anonymous.Headers.CacheControl?.NoStore ?? false);
        }

        var token = await SignInAsync(client, "jana@gross-gerau.example");
        foreach (var url in new[] { "api/v1/auth/me", "api/v1/posts" })
        {
            using var personal = await SendAsync(client, HttpMethod.Get, url, token);
            Assert.Equal(HttpStatusCode.OK, personal.StatusCode);
            Assert.True(personal.Headers.CacheControl?.NoStore, $"{url}: {personal.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task A_malformed_id_for_a_cover_is_a_400_naming_the_field()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        using var response = await client.GetAsync(new Uri("api/v1/posts/kein-bild/cover", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ReadJsonAsync(response)).GetProperty("errors").TryGetProperty("id", out _));
    }
}

public sealed class SqlitePostReadingTests(SqliteApp app) : PostReadingTests<SqliteApp>(app);

public sealed class PostgresPostReadingTests(PostgresApp app) : PostReadingTests<PostgresApp>(app);
