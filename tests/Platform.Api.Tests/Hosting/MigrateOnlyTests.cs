using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace Platform.Api.Tests.Hosting;

/// <summary>
/// <c>--migrate-only</c> as a deployment runs it (ADR-028): the built host as its own process, in Production. Without a
/// Data Protection certificate, which the nodes need and a migration does not: the migration Job gets no key secret.
/// </summary>
public sealed class MigrateOnlyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("platform-migrate-only-").FullName;

    [Fact]
    public async Task Migrate_only_applies_every_migration_seeds_nothing_and_exits_0()
    {
        var database = Path.Combine(_dir, "platform.db");

        var first = await RunAsync(("ConnectionStrings__Platform", $"Data Source={database}"));
        var again = await RunAsync(("ConnectionStrings__Platform", $"Data Source={database}"));

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Matches(@"Database migrated: [1-9]\d* migrations applied", first.Output);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("Database migrated: 0 migrations applied", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", first.Output, StringComparison.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        Assert.True(await ScalarAsync(connection, "SELECT COUNT(*) FROM \"__EFMigrationsHistory\"") > 0);
        Assert.Equal(0, await ScalarAsync(connection, "SELECT COUNT(*) FROM \"Tenants\""));
    }

    [Fact]
    public async Task Migrate_only_without_a_reachable_database_says_so_and_exits_non_zero()
    {
        var closedPort = ClosedLoopbackPort();

        var result = await RunAsync(
            ("Platform__Database__Provider", "PostgreSql"),
            ("ConnectionStrings__Platform", $"Host=127.0.0.1;Port={closedPort};Username=platform;Password=x;Database=platform;Timeout=5"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Migration failed:", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<(int ExitCode, string Output)> RunAsync(params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Platform.Api.dll"), "--migrate-only" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _dir,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
