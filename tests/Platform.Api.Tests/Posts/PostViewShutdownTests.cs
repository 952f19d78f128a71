using System.Net;
using Microsoft.Data.Sqlite;
using Platform.TestSupport;

namespace Platform.Api.Tests.Posts;

/// <summary>A node that stops writes the readings it still holds: a restart loses none (ADR-031).</summary>
public sealed class PostViewShutdownTests
{
    [Fact]
    public async Task Stopping_a_node_writes_the_readings_it_holds()
    {
        // A fake clock: the period never passes, only the stop can write the readings.
        var node = new SqliteFakeClockApp { KeepDatabase = true };
        Guid post;
        try
        {
            await node.InitializeAsync();
            post = await BookmarkTests<SqliteFakeClockApp>.CreatePostAsync(node, "gross-gerau", "Abschied");
            using var client = node.CreateTenantClient("gross-gerau");
            for (var i = 0; i < 3; i++)
            {
                using var response = await client.GetAsync(new Uri($"api/v1/posts/{post}", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            Assert.Equal(0L, await CountAsync(node, post));
        }
        finally
        {
            await node.DisposeAsync();
        }

        var restarted = node.Restart();
        try
        {
            await restarted.InitializeAsync();
            Assert.Equal(3L, await CountAsync(restarted, post));
        }
        finally
        {
            await restarted.DisposeAsync();
        }
    }

    private static async Task<long> CountAsync(PlatformApp app, Guid post)
    {
        await using var connection = new SqliteConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT COALESCE(SUM("Count"), 0) FROM "PostViewDays" WHERE "PostId" = $post""";
        command.Parameters.AddWithValue("$post", post.ToString().ToUpperInvariant());
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
