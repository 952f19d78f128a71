using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Persistence;

// Used by `dotnet ef` only: each provider's migrations are generated from its own context type.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDbContext>
{
    public SqliteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(DatabaseOptions.DefaultSqliteConnectionString).UseApplicationServiceProvider(IdentitySchema.StandaloneServices).Options);
}

public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlDbContext>
{
    public PostgreSqlDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlDbContext>().UseNpgsql("Host=localhost;Database=platform").UseApplicationServiceProvider(IdentitySchema.StandaloneServices).Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerDbContext>
{
    public SqlServerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerDbContext>().UseSqlServer("Server=localhost;Database=platform;TrustServerCertificate=true").UseApplicationServiceProvider(IdentitySchema.StandaloneServices).Options);
}
