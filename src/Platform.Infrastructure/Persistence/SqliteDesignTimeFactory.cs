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
