using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.TestSupport;

namespace Platform.Api.Tests.Posts;

public abstract class GetPostTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task A_published_post_has_its_body_as_html()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var feed = await GetJsonAsync(client, "api/v1/posts?pageSize=1");
        var id = Ids(feed).Single();

        var post = await GetJsonAsync(client, $"api/v1/posts/{id}");

        Assert.Equal(id, post.GetProperty("id").GetGuid());
        Assert.Equal(Titles(feed).Single(), post.GetProperty("title").GetString());
        Assert.Contains("<p>", post.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_is_rendered_and_anything_dangerous_is_removed()
    {
        var id = await PublishPostAsync(
            "gross-gerau",
            "**Wichtig** <script>alert(1)</script> [Klick](javascript:alert(1)) [Info](https://example.org/info)\n\n<img src=x onerror=alert(1)>");
        using var client = App.CreateTenantClient("gross-gerau");

        var html = (await GetJsonAsync(client, $"api/v1/posts/{id}")).GetProperty("bodyHtml").GetString()!;

        Assert.Contains("<strong>Wichtig</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/info\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<[^>]*onerror", html);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_draft_or_unknown_post_is_404_problem()
    {
        var draftId = await App.InTenantAsync("gross-gerau", async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var draft = Post.CreateDraft(sp.GetRequiredService<ICurrentTenant>().RequiredId, "Entwurf", "x", "x", Topics.Geld, DateTime.UtcNow);
            db.Posts.Add(draft);
            await db.SaveChangesAsync();
            return draft.Id;
        });
        using var client = App.CreateTenantClient("gross-gerau");

        foreach (var id in new[] { draftId, Guid.NewGuid() })
        {
            using var response = await client.GetAsync(new Uri($"api/v1/posts/{id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private Task<Guid> PublishPostAsync(string slug, string body) =>
        App.InTenantAsync(slug, async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var post = Post.CreateDraft(sp.GetRequiredService<ICurrentTenant>().RequiredId, "Testbeitrag", "Kurz", body, Topics.Digitales, DateTime.UtcNow);
            post.Publish(DateTime.UtcNow);
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post.Id;
        });
}

public sealed class SqliteGetPostTests(SqliteApp app) : GetPostTests<SqliteApp>(app);

public sealed class PostgresGetPostTests(PostgresApp app) : GetPostTests<PostgresApp>(app);
