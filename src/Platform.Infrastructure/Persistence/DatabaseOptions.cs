namespace Platform.Infrastructure.Persistence;

/// <summary>Bound from <c>Platform:Database</c>; the connection string is <c>ConnectionStrings:Platform</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Platform:Database";

    public const string DefaultSqliteConnectionString = "Data Source=data/platform.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations at start-up (the default for a single node and for the demo).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Seed the demo tenants and posts into an empty database.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>
    /// The connection that migrates (PostgreSQL and SQL Server): <c>ConnectionStrings:PlatformMigrations</c>, the role
    /// that owns the tables, or <c>ConnectionStrings:Platform</c> when that is not set. Not bound from this section.
    /// </summary>
    public string? MigrationsConnectionString { get; internal set; }
}
