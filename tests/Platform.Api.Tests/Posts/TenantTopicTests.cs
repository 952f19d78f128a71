using System.Net;
using Platform.TestSupport;
using static Platform.Api.Tests.Posts.EditorialApi;

namespace Platform.Api.Tests.Posts;

/// <summary>A jobcenter's own topics (ADR-017): managed by its TenantAdmin, used by editors, shown in its feed only.</summary>
public abstract class TenantTopicTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string TopicsUrl = "api/v1/tenant/topics";

    [Fact]
    public async Task Admin_creates_a_topic_and_a_post_tagged_with_it_appears_in_that_topic_of_the_feed_only_here()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var admin = await SignInAsync(client, "admin@gross-gerau.example");

        using (var created = await SendAsync(client, HttpMethod.Post, TopicsUrl, admin, new { slug = "gesundheit", name = "Gesundheit & Sport" }))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        var list = await GetJsonAsync(client, admin, TopicsUrl);
        Assert.Contains(list.EnumerateArray(), t => t.GetProperty("slug").GetString() == "gesundheit" && t.GetProperty("name").GetString() == "Gesundheit & Sport");

        var editor = await SignInWithSecondFactorAsync(App, client, "gross-gerau", "redaktion@gross-gerau.example");
        using var post = await SendAsync(client, HttpMethod.Post, PostsUrl, editor, new
        {
            title = "Fit in den Job",
            summary = "Sport und Gesundheit",
            bodyMarkdown = "Text.",
            topics = new[] { "gesundheit", "Jobsuche" },
        });
        Assert.True(post.StatusCode == HttpStatusCode.Created, await post.Content.ReadAsStringAsync());
        var id = (await ReadJsonAsync(post)).GetProperty("id").GetGuid();
        Assert.Contains("gesundheit", (await GetAsync(client, editor, id)).GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        var reviewer = await SignInWithSecondFactorAsync(App, client, "gross-gerau", "pruefung@gross-gerau.example");
        await StepOkAsync(client, editor, id, "submit");
        await StepOkAsync(client, reviewer, id, "approve");
        Assert.Equal("Published", await StepOkAsync(client, reviewer, id, "publish"));

        var feed = await GetJsonAsync(client, "api/v1/posts?topic=gesundheit&pageSize=50");
        var item = Assert.Single(feed.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetGuid());
        Assert.Equal(["Jobsuche", "gesundheit"], item.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!));
        var all = await GetJsonAsync(client, "api/v1/posts?pageSize=50");
        Assert.Contains(all.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);

        var page = await client.GetStringAsync(new Uri("?topic=gesundheit", UriKind.Relative));
        Assert.Contains("href=\"?topic=gesundheit\"", page, StringComparison.Ordinal);
        Assert.Contains("Gesundheit &amp; Sport", page, StringComparison.Ordinal);
        Assert.Contains("Fit in den Job", page, StringComparison.Ordinal);

        // Deleting is refused while a post carries the topic.
        using (var refused = await SendAsync(client, HttpMethod.Delete, $"{TopicsUrl}/gesundheit", admin))
        {
            await AssertProblemAsync(refused, HttpStatusCode.Conflict);
        }

        using var other = App.CreateTenantClient("offenbach");
        using var unknown = await other.GetAsync(new Uri("api/v1/posts?topic=gesundheit", UriKind.Relative));
        await AssertProblemAsync(unknown, HttpStatusCode.BadRequest, "topic");
        var otherPage = await other.GetStringAsync(new Uri("./", UriKind.Relative));
        Assert.DoesNotContain("gesundheit", otherPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Gesundheit", "Gesundheit", "slug")]
    [InlineData("mit leerzeichen", "Gesundheit", "slug")]
    [InlineData("wohnen", "Wohnen extra", "slug")]
    [InlineData("gesundheit", "", "name")]
    [InlineData("gesundheit", "Ein Name, der viel länger ist als vierzig Zeichen", "name")]
    public async Task Bad_topics_are_a_400_naming_the_field(string slug, string name, string field)
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var admin = await SignInAsync(client, "admin@gross-gerau.example");

        using var response = await SendAsync(client, HttpMethod.Post, TopicsUrl, admin, new { slug, name });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_jobcenter_has_room_for_26_own_topics_and_the_27th_is_refused_with_a_reason()
    {
        using var client = App.CreateTenantClient("offenbach");
        var admin = await SignInAsync(client, "admin@offenbach.example");
        for (var i = 1; i <= 26; i++)
        {
            using var created = await SendAsync(client, HttpMethod.Post, TopicsUrl, admin, new { slug = $"thema-{i}", name = $"Thema {i}" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var full = await SendAsync(client, HttpMethod.Post, TopicsUrl, admin, new { slug = "thema-27", name = "Thema 27" });

        await AssertProblemAsync(full, HttpStatusCode.Conflict);
        Assert.Contains("lösche zuerst eines", await full.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(26, (await GetJsonAsync(client, admin, TopicsUrl)).GetArrayLength());
    }

    [Fact]
    public async Task Duplicates_are_a_400_naming_the_field_and_an_unused_topic_can_be_deleted()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var admin = await SignInAsync(client, "admin@gross-gerau.example");
        using (var first = await SendAsync(client, HttpMethod.Post, TopicsUrl, admin, new { slug = "kultur", name = "Kultur" }))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using (var sameSlug = await SendAsync(client, HttpMethod.Post, TopicsUrl, admin, new { slug = "kultur", name = "Anders" }))
        {
            await AssertProblemAsync(sameSlug, HttpStatusCode.BadRequest, "slug");
        }

        using (var sameName = await SendAsync(client, HttpMethod.Post, TopicsUrl, admin, new { slug = "kultur-2", name = "kultur" }))
        {
            await AssertProblemAsync(sameName, HttpStatusCode.BadRequest, "name");
        }

        // Another jobcenter may use the same slug.
        using var other = App.CreateTenantClient("offenbach");
        var otherAdmin = await SignInAsync(other, "admin@offenbach.example");
        using (var elsewhere = await SendAsync(other, HttpMethod.Post, TopicsUrl, otherAdmin, new { slug = "kultur", name = "Kultur" }))
        {
            Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        }

        using (var deleted = await SendAsync(client, HttpMethod.Delete, $"{TopicsUrl}/kultur", admin))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var gone = await SendAsync(client, HttpMethod.Delete, $"{TopicsUrl}/kultur", admin))
        {
            await AssertProblemAsync(gone, HttpStatusCode.NotFound);
        }

        Assert.Single((await GetJsonAsync(other, otherAdmin, TopicsUrl)).EnumerateArray());
    }

    [Fact]
    public async Task Young_people_and_the_other_tenants_admin_are_refused()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var jana = await SignInAsync(client, "jana@gross-gerau.example");
        using (var young = await SendAsync(client, HttpMethod.Post, TopicsUrl, jana, new { slug = "kultur", name = "Kultur" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, young.StatusCode);
        }

        using var other = App.CreateTenantClient("offenbach");
        var otherAdmin = await SignInAsync(other, "admin@offenbach.example");
        using var foreign = await SendAsync(client, HttpMethod.Post, TopicsUrl, otherAdmin, new { slug = "kultur", name = "Kultur" });
        Assert.True(foreign.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Unauthorized, foreign.StatusCode.ToString());
        var admin = await SignInAsync(client, "admin@gross-gerau.example");
        Assert.Empty((await GetJsonAsync(client, admin, TopicsUrl)).EnumerateArray());
    }

    [Fact]
    public async Task Editors_cannot_use_another_tenants_topic()
    {
        using var other = App.CreateTenantClient("offenbach");
        var otherAdmin = await SignInAsync(other, "admin@offenbach.example");
        using (var created = await SendAsync(other, HttpMethod.Post, TopicsUrl, otherAdmin, new { slug = "kultur", name = "Kultur" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var client = App.CreateTenantClient("gross-gerau");
        var editor = await SignInAsync(client, "redaktion@gross-gerau.example");
        using var response = await SendAsync(client, HttpMethod.Post, PostsUrl, editor, new { title = "T", summary = "S", bodyMarkdown = "B", topics = new[] { "kultur" } });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "topics");
    }
}

public sealed class SqliteTenantTopicTests(SqliteApp app) : TenantTopicTests<SqliteApp>(app);

public sealed class PostgresTenantTopicTests(PostgresApp app) : TenantTopicTests<PostgresApp>(app);
