using System.Globalization;
using System.Net;
using System.Text.Json;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Posts;

public abstract class GetFeedTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const int PublishedDemoPosts = 14 - DatabaseInitializer.ScheduledDemoPostsPerTenant;

    [Fact]
    public async Task Feed_lists_published_posts_newest_first_with_paging_fields()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        var feed = await GetJsonAsync(client, "api/v1/posts?pageSize=50");

        Assert.Equal(PublishedDemoPosts, feed.GetProperty("totalCount").GetInt32());
        Assert.Equal(1, feed.GetProperty("page").GetInt32());
        Assert.Equal(50, feed.GetProperty("pageSize").GetInt32());
        var items = feed.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(PublishedDemoPosts, items.Count);
        var dates = items.Select(i => DateTimeOffset.Parse(i.GetProperty("publishedAt").GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.All(items, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("summary").GetString()));
            Assert.NotEmpty(i.GetProperty("topics").EnumerateArray());
            Assert.EndsWith("Z", i.GetProperty("publishedAt").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Scheduled_posts_are_not_in_the_feed_before_their_time()
    {
        using var client = App.CreateTenantClient("offenbach");

        var feed = await GetJsonAsync(client, "api/v1/posts?pageSize=50");

        Assert.DoesNotContain("Umzugskosten und Kaution", Titles(feed));
    }

    [Fact]
    public async Task Pages_do_not_overlap_and_cover_every_post()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        var first = await GetJsonAsync(client, "api/v1/posts?page=1&pageSize=5");
        var second = await GetJsonAsync(client, "api/v1/posts?page=2&pageSize=5");
        var third = await GetJsonAsync(client, "api/v1/posts?page=3&pageSize=5");
        var beyond = await GetJsonAsync(client, "api/v1/posts?page=9&pageSize=5");

        var all = Ids(first).Concat(Ids(second)).Concat(Ids(third)).ToList();
        Assert.Equal(PublishedDemoPosts, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Empty(beyond.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("&topic=wohnen")]
    public async Task Following_next_cursors_gives_every_post_once_in_feed_order_even_when_several_share_their_time(string topic)
    {
        // Four posts in the same instant: the cursor's tie-break (the id) must neither skip nor repeat one of them.
        var ties = await PublishedPosts.AtTheSameTimeAsync(
            App, "gross-gerau", DateTime.UtcNow.AddMinutes(-30), "Gleichzeitig 1", "Gleichzeitig 2", "Gleichzeitig 3", "Gleichzeitig 4");
        using var client = App.CreateTenantClient("gross-gerau");
        var whole = await GetJsonAsync(client, $"api/v1/posts?pageSize=50{topic}");

        var walked = new List<Guid>();
        var page = await GetJsonAsync(client, $"api/v1/posts?pageSize=3{topic}");
        var pages = 1;
        while (page.GetProperty("nextCursor").GetString() is { } next)
        {
            Assert.Equal(3, page.GetProperty("items").GetArrayLength());
            walked.AddRange(Ids(page));
            page = await GetJsonAsync(client, $"api/v1/posts?pageSize=3{topic}&after={Uri.EscapeDataString(next)}");
            pages++;
        }

        walked.AddRange(Ids(page));
        Assert.Equal(Ids(whole), walked);
        Assert.Superset(ties.ToHashSet(), walked.ToHashSet());
        Assert.Equal((whole.GetProperty("totalCount").GetInt32() + 2) / 3, pages);
        Assert.Equal(JsonValueKind.Null, whole.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task An_empty_cursor_is_the_first_page()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        var first = await GetJsonAsync(client, "api/v1/posts?pageSize=5");
        var empty = await GetJsonAsync(client, "api/v1/posts?pageSize=5&after=");

        Assert.Equal(Ids(first), Ids(empty));
    }

    [Fact]
    public async Task Topic_filter_returns_only_posts_of_that_topic()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        var feed = await GetJsonAsync(client, "api/v1/posts?topic=wohnen&pageSize=50");

        var items = feed.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.True(items.Count < PublishedDemoPosts);
        Assert.All(items, i => Assert.Contains("Wohnen", i.GetProperty("topics").EnumerateArray().Select(t => t.GetString())));
        Assert.Equal(items.Count, feed.GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("api/v1/posts?pageSize=0", "pageSize")]
    [InlineData("api/v1/posts?pageSize=51", "pageSize")]
    [InlineData("api/v1/posts?page=0", "page")]
    [InlineData("api/v1/posts?page=-3", "page")]
    [InlineData("api/v1/posts?topic=Urlaub", "topic")]
    [InlineData("api/v1/posts?page=abc", "page")]
    [InlineData("api/v1/posts?after=kaputt", "after")]
    [InlineData("api/v1/posts?after=AAAA", "after")]
    [InlineData("api/v1/posts?pageSize=99999999999", "pageSize")]
    [InlineData("api/v1/posts/not-a-guid", "id")]
    public async Task Bad_input_is_a_400_problem_naming_the_field(string url, string field)
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.NotEmpty(messages.EnumerateArray());
        Assert.DoesNotContain("   at ", problem.ToString(), StringComparison.Ordinal);
    }
}

public sealed class SqliteGetFeedTests(SqliteApp app) : GetFeedTests<SqliteApp>(app);

public sealed class PostgresGetFeedTests(PostgresApp app) : GetFeedTests<PostgresApp>(app);
