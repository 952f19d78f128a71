using Microsoft.EntityFrameworkCore;
using Platform.Infrastructure.Persistence;

namespace Platform.Application.Tests.Architecture;

/// <summary>
/// Each provider's migrations describe exactly today's model (ADR-025: migrations are only added). A change to an
/// entity or its configuration without a new migration, or a configuration moved and altered on the way, fails here
/// before it reaches a database that would silently lack a column or index.
/// </summary>
public sealed class MigrationsMatchModelTests
{
    [Fact]
    public void Sqlite_migrations_hold_the_whole_model() => AssertNoPendingChanges(new SqliteDesignTimeFactory().CreateDbContext([]));

    [Fact]
    public void PostgreSql_migrations_hold_the_whole_model() => AssertNoPendingChanges(new PostgreSqlDesignTimeFactory().CreateDbContext([]));

    [Fact]
    public void SqlServer_migrations_hold_the_whole_model() => AssertNoPendingChanges(new SqlServerDesignTimeFactory().CreateDbContext([]));

    private static void AssertNoPendingChanges(DbContext context)
    {
        using (context)
        {
            Assert.False(context.Database.HasPendingModelChanges(), $"{context.GetType().Name} has model changes without a migration: add one (dotnet ef migrations add) for each provider.");
        }
    }
}
