using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Infrastructure.Jobs;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Hosting;

/// <summary>SQLite is set up as a serving database: WAL, synchronous=NORMAL, a busy timeout, fresh planner statistics.</summary>
public sealed class SqliteTuningTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_platforms_connections_use_the_write_ahead_log_normal_sync_and_a_busy_timeout()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            Assert.Equal("wal", await ScalarAsync(db, "PRAGMA journal_mode"));
            Assert.Equal("1", await ScalarAsync(db, "PRAGMA synchronous"));
            Assert.Equal("5000", await ScalarAsync(db, "PRAGMA busy_timeout"));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task The_optimize_job_gathers_the_planners_statistics()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            // The start has analysed the demo data already: forget it, so that only the job can bring it back.
            await db.Database.ExecuteSqlRawAsync("DROP TABLE IF EXISTS sqlite_stat1");
            Assert.Equal("0", await ScalarAsync(db, "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        await scope.ServiceProvider.GetRequiredService<OptimizeSqliteJob>().RunAsync(CancellationToken.None);

        await db.Database.OpenConnectionAsync();
        try
        {
            Assert.NotEqual("0", await ScalarAsync(db, "SELECT count(*) FROM sqlite_stat1"));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<string> ScalarAsync(DbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
