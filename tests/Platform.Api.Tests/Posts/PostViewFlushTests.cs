using System.Data.Common;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Posts;
using Platform.Infrastructure.Jobs;
using Platform.TestSupport;

namespace Platform.Api.Tests.Posts;

/// <summary>
/// Readings are counted in each node's memory and added to the database in one batch per tenant (ADR-031), on a fake
/// clock so that no flush happens unless a test asks for it.
/// </summary>
public abstract class PostViewFlushTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    protected PostViewFlusher Flusher => App.Services.GetRequiredService<PostViewFlusher>();

    [Fact]
    public async Task Readings_are_written_in_one_batch_per_flush_and_not_before()
    {
        var post = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Wohngeld");
        await Flusher.FlushAsync(CancellationToken.None);
        using var client = App.CreateTenantClient("gross-gerau");
        for (var i = 0; i < 7; i++)
        {
            using var response = await client.GetAsync(new Uri($"api/v1/posts/{post}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Empty(await RowsAsync(post));

        var flush = await Flusher.FlushAsync(CancellationToken.None);

        Assert.Equal(new PostViewFlush(Readings: 7, Rows: 1, Batches: 1, Kept: 0), flush);
        var row = Assert.Single(await RowsAsync(post));
        Assert.Equal((TenantIdOf("gross-gerau"), PostViewDay.DayOf(App.Clock!.GetUtcNow().UtcDateTime), 7), row);
        Assert.Equal(new PostViewFlush(0, 0, 0, 0), await Flusher.FlushAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_period_passing_on_the_clock_flushes()
    {
        var post = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Ausbildung");
        using var client = App.CreateTenantClient("gross-gerau");
        using (var response = await client.GetAsync(new Uri($"api/v1/posts/{post}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        App.Clock!.Advance(new PostViewOptions().FlushInterval);

        // The timer fires on the advance; the flush itself runs on the thread pool: poll for its result.
        for (var i = 0; i < 200 && (await RowsAsync(post)).Count == 0; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(1, Assert.Single(await RowsAsync(post)).Count);
    }

    [Fact]
    public async Task Two_nodes_add_their_own_counts_to_the_same_day()
    {
        var post = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Geld");
        var tenant = TenantIdOf("gross-gerau");
        var day = PostViewDay.DayOf(App.Clock!.GetUtcNow().UtcDateTime);
        var options = App.Services.GetRequiredService<IOptions<PostViewOptions>>();
        var otherBuffer = new PostViewBuffer(options);
        var otherNode = new PostViewFlusher(
            otherBuffer, App.Services.GetRequiredService<ITenantScopeRunner>(), options, App.Clock, NullLogger<PostViewFlusher>.Instance);
        var thisBuffer = App.Services.GetRequiredService<PostViewBuffer>();
        for (var i = 0; i < 3; i++)
        {
            thisBuffer.Add(tenant, post, day);
        }

        for (var i = 0; i < 5; i++)
        {
            otherBuffer.Add(tenant, post, day);
        }

        // Both first flushes of the day find no row; whichever inserts second adds to the other's row.
        await Task.WhenAll(Flusher.FlushAsync(CancellationToken.None), otherNode.FlushAsync(CancellationToken.None));
        otherBuffer.Add(tenant, post, day);
        await otherNode.FlushAsync(CancellationToken.None);

        Assert.Equal(9, Assert.Single(await RowsAsync(post)).Count);
    }

    [Fact]
    public async Task Readings_of_one_jobcenters_post_are_written_only_under_that_jobcenter()
    {
        var post = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Digitales");
        var day = PostViewDay.DayOf(App.Clock!.GetUtcNow().UtcDateTime);
        using (var home = App.CreateTenantClient("gross-gerau"))
        using (var response = await home.GetAsync(new Uri($"api/v1/posts/{post}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var other = App.CreateTenantClient("offenbach"))
        using (var response = await other.GetAsync(new Uri($"api/v1/posts/{post}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // Even a count that names the wrong tenant (a bug elsewhere) is written under that tenant's scope, where the
        // post does not exist: it is dropped, never added to the other jobcenter's figures.
        App.Services.GetRequiredService<PostViewBuffer>().Add(TenantIdOf("offenbach"), post, day);

        var flush = await Flusher.FlushAsync(CancellationToken.None);

        Assert.Equal(0, flush.Kept);
        Assert.Equal((TenantIdOf("gross-gerau"), day, 1), Assert.Single(await RowsAsync(post)));
    }

    [Fact]
    public async Task Editors_see_this_nodes_readings_before_they_are_written()
    {
        var post = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Wohnen");
        using var client = App.CreateTenantClient("gross-gerau");
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync(new Uri($"api/v1/posts/{post}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var editor = await SignInAsync(client, "redaktion@gross-gerau.example");
        Assert.Equal(2, (await GetJsonAsync(client, editor, $"api/v1/editorial/posts/{post}/views")).GetProperty("total").GetInt32());
        await Flusher.FlushAsync(CancellationToken.None);
        Assert.Equal(2, (await GetJsonAsync(client, editor, $"api/v1/editorial/posts/{post}/views")).GetProperty("total").GetInt32());
    }

    /// <summary>Every row of the post as the superuser sees them (no tenant filter, no row-level security).</summary>
    protected async Task<List<(Guid TenantId, DateOnly Day, int Count)>> RowsAsync(Guid post)
    {
        await using var connection = App.OpenConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "TenantId", "Day", "Count" FROM "PostViewDays" WHERE "PostId" = @post""";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@post";
        parameter.Value = App.Provider == Infrastructure.Persistence.DatabaseProvider.Sqlite ? post.ToString().ToUpperInvariant() : post;
        command.Parameters.Add(parameter);
        var rows = new List<(Guid, DateOnly, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetGuid(0), ReadDay(reader), reader.GetInt32(2)));
        }

        return rows;
    }

    protected Guid TenantIdOf(string slug) =>
        App.Services.GetRequiredService<ITenantCatalog>().FindBySlugAsync(slug).AsTask().GetAwaiter().GetResult()!.Id;

    private static DateOnly ReadDay(DbDataReader reader) =>
        reader.GetValue(1) is DateOnly day ? day : DateOnly.FromDateTime(reader.GetDateTime(1));
}

public sealed class SqlitePostViewFlushTests(SqliteFakeClockApp app) : PostViewFlushTests<SqliteFakeClockApp>(app);

public sealed class PostgresPostViewFlushTests(PostgresFakeClockApp app) : PostViewFlushTests<PostgresFakeClockApp>(app)
{
    [Fact]
    public async Task A_flush_while_the_database_is_away_keeps_the_readings_for_the_next()
    {
        var post = await BookmarkTests<PostgresFakeClockApp>.CreatePostAsync(App, "gross-gerau", "Ausfall");
        var tenant = TenantIdOf("gross-gerau");
        var day = PostViewDay.DayOf(App.Clock!.GetUtcNow().UtcDateTime);
        var buffer = App.Services.GetRequiredService<PostViewBuffer>();
        for (var i = 0; i < 4; i++)
        {
            buffer.Add(tenant, post, day);
        }

        PostViewFlush failed;
        await SetConnectionsAllowedAsync(false);
        try
        {
            failed = await Flusher.FlushAsync(CancellationToken.None);
        }
        finally
        {
            await SetConnectionsAllowedAsync(true);
        }

        Assert.Equal(new PostViewFlush(Readings: 0, Rows: 0, Batches: 0, Kept: 4), failed);
        Assert.Empty(await RowsAsync(post));

        Assert.Equal(new PostViewFlush(Readings: 4, Rows: 1, Batches: 1, Kept: 0), await Flusher.FlushAsync(CancellationToken.None));
        Assert.Equal(4, Assert.Single(await RowsAsync(post)).Count);
    }

    /// <summary>A real outage for the platform: its database refuses new connections and its open ones are cut.</summary>
    private async Task SetConnectionsAllowedAsync(bool allowed)
    {
        // From the server's own database: a database that allows no connections refuses even the superuser.
        var database = new NpgsqlConnectionStringBuilder(App.ConnectionString).Database!;
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PlatformApp.PostgresVariable));
        await connection.OpenAsync();
        await using (var alter = connection.CreateCommand())
        {
            alter.CommandText = $"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS {(allowed ? "true" : "false")}";
            await alter.ExecuteNonQueryAsync();
        }

        if (!allowed)
        {
            await using var cut = connection.CreateCommand();
            cut.CommandText = $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @db AND usename = '{PlatformApp.PostgresAppLogin}'";
            cut.Parameters.AddWithValue("db", database);
            await cut.ExecuteNonQueryAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }
}
