using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Application.Tenants;
using Platform.Domain.Posts;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;
using StackExchange.Redis;

namespace Platform.Api.Tests.Cluster;

/// <summary>
/// Two nodes on one PostgreSQL database and one Redis (the one <c>./test.sh</c> starts), each with a content root of its
/// own. Keys under a prefix of this fixture's, so no other run shares its counts. The catalog's own refresh is an hour
/// here: whatever node 2 learns of node 1's tenant changes, it learns over Redis.
/// </summary>
public sealed class TwoNodesWithRedis : IAsyncLifetime
{
    public const string RedisVariable = "PLATFORM_TEST_REDIS";

    public string Prefix { get; } = $"platform-test-{Guid.NewGuid():N}:";

    public PlatformApp First { get; private set; } = null!;

    public PlatformApp Second { get; private set; } = null!;

    public IConnectionMultiplexer Redis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var redis = Environment.GetEnvironmentVariable(RedisVariable);
        if (string.IsNullOrWhiteSpace(redis))
        {
            throw new InvalidOperationException($"{RedisVariable} is not set. Run the tests with ./test.sh, which starts Redis and sets it.");
        }

        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis,
            ["Platform:Redis:KeyPrefix"] = Prefix,
            ["Platform:Tenancy:CatalogRefreshInterval"] = "01:00:00",
            ["Platform:RateLimits:SignInPerMinute"] = "4",
        };
        First = new PlatformApp(DatabaseProvider.PostgreSql) { KeepDatabase = true, Settings = settings };
        await First.InitializeAsync();
        Second = First.SecondNode(TwoNodeDataProtectionTests.OtherMachine(), settings);
        await Second.InitializeAsync();
        Redis = await ConnectionMultiplexer.ConnectAsync(redis);
    }

    public async Task DisposeAsync()
    {
        await Redis.DisposeAsync();
        await First.DisposeAsync();
        await Second.DisposeAsync();
    }
}

public sealed class RedisSharedLayerTests(TwoNodesWithRedis nodes) : IClassFixture<TwoNodesWithRedis>
{
    [Fact]
    public async Task A_branding_change_through_one_node_shows_on_the_other_at_once()
    {
        using var second = nodes.Second.CreateTenantClient("gross-gerau");
        Assert.DoesNotContain("Jobcenter Groß-Gerau Neu", await PageAsync(second), StringComparison.Ordinal);

        await nodes.First.InTenantAsync("gross-gerau", sp =>
            sp.GetRequiredService<IMediator>().Send(new UpdateBrandingCommand("Jobcenter Groß-Gerau Neu", "#00527a", "#9a3412", null)).AsTask());

        // Node 2's own snapshot would last an hour: only the message over Redis can bring the new name this soon.
        await EventuallyAsync(
            async () => (await PageAsync(second)).Contains("Jobcenter Groß-Gerau Neu", StringComparison.Ordinal),
            "node 2 shows the new name");
    }

    [Fact]
    public async Task The_sign_in_limit_counts_for_the_cluster_not_for_each_node()
    {
        // Four attempts a minute for the tenant and client (tests have no client address, so all share one), spread
        // over both nodes: each node has seen only two, yet the fifth is refused, on either node.
        using var first = nodes.First.CreateTenantClient("offenbach");
        using var second = nodes.Second.CreateTenantClient("offenbach");
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var allowed = await WrongPasswordAsync(attempt % 2 == 0 ? first : second);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var refused = await WrongPasswordAsync(first);
        using var alsoRefused = await WrongPasswordAsync(second);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, alsoRefused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        // The count is the tenant's: under its id in Redis, and another jobcenter's sign-in is not refused for it.
        var offenbach = (await nodes.First.Services.GetRequiredService<Platform.Application.Common.ITenantCatalog>().FindBySlugAsync("offenbach"))!;
        var server = nodes.Redis.GetServers().Single();
        Assert.NotEmpty(server.Keys(pattern: $"{nodes.Prefix}rate-limit:{offenbach.Id:N}:*"));
        using var otherTenant = nodes.Second.CreateTenantClient("gross-gerau");
        using var elsewhere = await WrongPasswordAsync(otherTenant);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
    }

    [Fact]
    public async Task The_output_cache_lives_in_redis_under_the_tenant()
    {
        using var client = nodes.Second.CreateTenantClient("gross-gerau");
        var tenant = (await nodes.Second.Services.GetRequiredService<Platform.Application.Common.ITenantCatalog>().FindBySlugAsync("gross-gerau"))!;

        using var feed = await client.GetAsync(new Uri("api/v1/posts", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);

        var server = nodes.Redis.GetServers().Single();
        var keys = server.Keys(pattern: nodes.Prefix + "output:*").Select(k => k.ToString()).ToList();
        Assert.NotEmpty(keys);
        Assert.Contains(keys, k => k.Contains(tenant.Id.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_post_published_through_one_node_is_counted_on_the_other_at_once()
    {
        using var second = nodes.Second.CreateTenantClient("offenbach");
        var before = await FeedTotalAsync(second);

        await nodes.First.InTenantAsync("offenbach", async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var post = Post.CreateDraft(sp.GetRequiredService<ICurrentTenant>().RequiredId, "Neu auf Knoten 1", "Kurz.", "Text.", Topics.Geld, DateTime.UtcNow);
            post.Publish(DateTime.UtcNow);
            db.Posts.Add(post);
            await db.SaveChangesAsync();
        });

        // Node 2 keeps its count for a minute (FeedCounts.Lifetime), longer than this wait: only the message over Redis
        // can bring the new count this soon.
        await EventuallyAsync(async () => await FeedTotalAsync(second) == before + 1, "node 2 counts the new post");
    }

    private static async Task<int> FeedTotalAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>(new Uri("api/v1/posts", UriKind.Relative))).GetProperty("totalCount").GetInt32();

    private static async Task<string> PageAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private static Task<HttpResponseMessage> WrongPasswordAsync(HttpClient client) =>
        client.PostAsJsonAsync("api/v1/auth/login", new { email = "niemand@example.org", password = "falsch-falsch-falsch" });
}

/// <summary>
/// Redis configured but not there (a port nobody listens on): one node serves as without Redis — sign-in, feed,
/// readiness — and only the status page and one warning in the log say that Redis is missing.
/// </summary>
public sealed class RedisAwayTests
{
    [Fact]
    public async Task Without_its_redis_a_node_still_serves_and_the_status_page_says_so()
    {
        var logs = new LogCapture();
        var app = new PlatformApp(DatabaseProvider.Sqlite)
        {
            Settings = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=200" },
            Logs = logs,
        };
        await app.InitializeAsync();
        try
        {
            using var tenant = app.CreateTenantClient("gross-gerau");
            using var bare = app.CreateClientForHost("localhost");

            var token = await ApiTestBase<SqliteApp>.SignInAsync(tenant, "jana@gross-gerau.example");
            using var wrong = await tenant.PostAsJsonAsync("api/v1/auth/login", new { email = "jana@gross-gerau.example", password = "falsch-falsch-falsch" });
            using var feed = await tenant.GetAsync(new Uri("api/v1/posts", UriKind.Relative));
            for (var i = 0; i < 20; i++)
            {
                using var more = await tenant.GetAsync(new Uri("api/v1/posts", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, more.StatusCode);
            }

            using var again = await tenant.GetAsync(new Uri("api/v1/posts", UriKind.Relative));
            using var ready = await bare.GetAsync(new Uri("health/ready", UriKind.Relative));
            using var status = await bare.GetAsync(new Uri("health/status", UriKind.Relative));

            Assert.NotEmpty(token);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            var report = await status.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            Assert.Equal("Degraded", report.GetProperty("status").GetString());
            Assert.Equal("Degraded", report.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());

            // Every one of those requests missed the cache in Redis; the log says so once, not once per request.
            Assert.Single(logs.Lines, l => l.Message.StartsWith("Redis cannot be reached; the output cache", StringComparison.Ordinal));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
