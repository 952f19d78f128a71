using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.TestSupport;

namespace Platform.Api.Tests.Posts;

/// <summary>The "Merkliste" of a signed-in young person, and following one topic, through the API.</summary>
public abstract class BookmarkTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string Jana = "jana@gross-gerau.example";

    [Fact]
    public async Task Bookmarking_twice_keeps_one_bookmark_and_removing_twice_is_no_error()
    {
        var first = await CreatePostAsync("gross-gerau", "Wohngeld beantragen");
        var second = await CreatePostAsync("gross-gerau", "Ausbildung finden");
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, Jana);

        var answer = await PutAsync(client, token, first);
        Assert.True(answer.GetProperty("bookmarked").GetBoolean());
        var again = await PutAsync(client, token, first);
        Assert.Equal(answer.GetProperty("bookmarkedAt").GetDateTime(), again.GetProperty("bookmarkedAt").GetDateTime());
        await PutAsync(client, token, second);

        var list = await GetJsonAsync(client, token, "api/v1/me/bookmarks");
        Assert.Equal([second, first], list.EnumerateArray().Select(b => b.GetProperty("postId").GetGuid()));
        Assert.Equal("Ausbildung finden", list[0].GetProperty("title").GetString());
        Assert.Equal(2, await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().Bookmarks.CountAsync()));

        for (var i = 0; i < 2; i++)
        {
            using var removed = await SendAsync(client, HttpMethod.Delete, $"api/v1/me/bookmarks/{first}", token);
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        list = await GetJsonAsync(client, token, "api/v1/me/bookmarks");
        Assert.Equal([second], list.EnumerateArray().Select(b => b.GetProperty("postId").GetGuid()));
    }

    [Fact]
    public async Task Concurrent_bookmarks_of_the_same_post_make_one_row()
    {
        var post = await CreatePostAsync("gross-gerau", "Bewerbung schreiben");
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, Jana);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SendAsync(client, HttpMethod.Put, $"api/v1/me/bookmarks/{post}", token)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        foreach (var a in answers)
        {
            a.Dispose();
        }

        Assert.Equal(1, await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().Bookmarks.CountAsync(b => b.PostId == post)));
    }

    [Fact]
    public async Task Only_published_posts_of_the_own_jobcenter_can_be_bookmarked_and_unpublished_ones_drop_out_of_the_list()
    {
        var other = await CreatePostAsync("offenbach", "Offenbacher Beitrag");
        var draft = await CreatePostAsync("gross-gerau", "Entwurf", publish: false);
        var later = await CreatePostAsync("gross-gerau", "Wird zurückgenommen");
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, Jana);

        foreach (var id in new[] { other, draft, Guid.NewGuid() })
        {
            using var response = await SendAsync(client, HttpMethod.Put, $"api/v1/me/bookmarks/{id}", token);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        await PutAsync(client, token, later);
        await App.InTenantAsync("gross-gerau", async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var post = await db.Posts.SingleAsync(p => p.Id == later);
            post.Unpublish(PostActor.System, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

        var list = await GetJsonAsync(client, token, "api/v1/me/bookmarks");
        Assert.Empty(list.EnumerateArray());
        Assert.Equal(1, await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().Bookmarks.CountAsync(b => b.PostId == later)));
        using var removed = await SendAsync(client, HttpMethod.Delete, $"api/v1/me/bookmarks/{later}", token);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
    }

    [Fact]
    public async Task Bookmarks_need_an_account_and_a_valid_id()
    {
        var post = await CreatePostAsync("gross-gerau", "Jobsuche");
        using var client = App.CreateTenantClient("gross-gerau");
        using (var anonymous = await client.GetAsync(new Uri("api/v1/me/bookmarks", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var anonymousPut = await client.PutAsync(new Uri($"api/v1/me/bookmarks/{post}", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymousPut.StatusCode);
        }

        var token = await SignInAsync(client, Jana);
        foreach (var (method, url) in new[] { (HttpMethod.Put, "api/v1/me/bookmarks/kein-guid"), (HttpMethod.Delete, "api/v1/me/bookmarks/kein-guid"), (HttpMethod.Put, $"api/v1/me/bookmarks/{Guid.Empty}") })
        {
            using var response = await SendAsync(client, method, url, token);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("postId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Another_persons_bookmarks_are_not_in_my_list()
    {
        var post = await CreatePostAsync("gross-gerau", "Geld vom Amt");
        using var client = App.CreateTenantClient("gross-gerau");
        var jana = await SignInAsync(client, Jana);
        var editor = await SignInAsync(client, "redaktion@gross-gerau.example");
        await PutAsync(client, jana, post);

        var list = await GetJsonAsync(client, editor, "api/v1/me/bookmarks");
        Assert.Empty(list.EnumerateArray());
    }

    [Fact]
    public async Task Bookmarks_are_in_my_data_and_go_with_the_account()
    {
        var post = await CreatePostAsync("gross-gerau", "Erste Wohnung");
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, Jana);
        await PutAsync(client, token, post);

        var data = await GetJsonAsync(client, token, "api/v1/me/data");
        var bookmark = Assert.Single(data.GetProperty("bookmarks").EnumerateArray());
        Assert.Equal(post, bookmark.GetProperty("postId").GetGuid());
        Assert.Equal("Erste Wohnung", bookmark.GetProperty("post").GetString());

        using var deleted = await SendAsync(client, HttpMethod.Post, "api/v1/me/deletion", token, new { password = Platform.Infrastructure.Persistence.DatabaseInitializer.DemoPassword });
        Assert.True(deleted.IsSuccessStatusCode, $"{(int)deleted.StatusCode}");
        Assert.Equal(0, await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().Bookmarks.CountAsync()));
    }

    [Fact]
    public async Task Following_one_topic_keeps_the_others_and_an_unknown_topic_is_400()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, Jana);

        using (var geld = await SendAsync(client, HttpMethod.Put, "api/v1/notifications/followed-topics/geld", token))
        {
            Assert.Equal(HttpStatusCode.OK, geld.StatusCode);
        }

        using (var wohnen = await SendAsync(client, HttpMethod.Put, "api/v1/notifications/followed-topics/Wohnen", token))
        {
            Assert.Equal(["Geld", "Wohnen"], (await ReadJsonAsync(wohnen)).GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        }

        using (var unfollow = await SendAsync(client, HttpMethod.Delete, "api/v1/notifications/followed-topics/Geld", token))
        {
            Assert.Equal(["Wohnen"], (await ReadJsonAsync(unfollow)).GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        }

        var settings = await GetJsonAsync(client, token, "api/v1/notifications/settings");
        Assert.Equal(["Wohnen"], settings.GetProperty("followedTopics").EnumerateArray().Select(t => t.GetString()));

        using var unknown = await SendAsync(client, HttpMethod.Put, "api/v1/notifications/followed-topics/Quatsch", token);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("topic", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> PutAsync(HttpClient client, string token, Guid postId)
    {
        using var response = await SendAsync(client, HttpMethod.Put, $"api/v1/me/bookmarks/{postId}", token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"bookmark: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await ReadJsonAsync(response);
    }

    internal static Task<Guid> CreatePostAsync(PlatformApp app, string slug, string title, bool publish = true) =>
        app.InTenantAsync(slug, async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var content = new PostContent { Title = title, Summary = "Kurz gesagt.", BodyMarkdown = "Alles Weitere hier.", Topics = Topics.Wohnen };
            var post = Post.Create(sp.GetRequiredService<ICurrentTenant>().RequiredId, content, PostActor.System, DateTime.UtcNow.AddDays(-1));
            if (publish)
            {
                post.Publish(DateTime.UtcNow);
            }

            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post.Id;
        });

    private Task<Guid> CreatePostAsync(string slug, string title, bool publish = true) => CreatePostAsync(App, slug, title, publish);
}

public sealed class SqliteBookmarkTests(SqliteApp app) : BookmarkTests<SqliteApp>(app);

public sealed class PostgresBookmarkTests(PostgresApp app) : BookmarkTests<PostgresApp>(app);
