using Platform.Infrastructure.Persistence;

namespace Platform.Api.Hosting;

/// <summary>
/// <c>--migrate-only</c> (ADR-028): applies the migrations with the configured connection strings (the owner role's
/// <c>ConnectionStrings:PlatformMigrations</c> where set) and exits, without serving, seeding or running jobs. A
/// deployment runs it once before a rolling restart (the Helm chart's migration Job); the nodes then start with
/// <c>Platform:Database:MigrateOnStartup=false</c>.
/// </summary>
public static partial class MigrateOnly
{
    public const string Switch = "--migrate-only";

    public static bool Requested(string[] args) => args.Contains(Switch, StringComparer.Ordinal);

    /// <summary>The arguments without the switch, so that the command-line configuration does not read it as a key.</summary>
    public static string[] WithoutSwitch(string[] args) => [.. args.Where(a => !string.Equals(a, Switch, StringComparison.Ordinal))];

    /// <returns>The process's exit code: 0 once the database is at the newest migration, 1 when it could not be migrated.</returns>
    public static async Task<int> RunAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateOnly));
        try
        {
            var applied = await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(app.Lifetime.ApplicationStopping);
            LogMigrated(logger, applied);
            return 0;
        }
#pragma warning disable CA1031 // A command-line mode: whatever stopped the migration becomes one clear line and exit code 1.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e);
            await Console.Error.WriteLineAsync($"Migration failed: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated: {Applied} migrations applied")]
    private static partial void LogMigrated(ILogger logger, int applied);

    [LoggerMessage(Level = LogLevel.Error, Message = "Migration failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
