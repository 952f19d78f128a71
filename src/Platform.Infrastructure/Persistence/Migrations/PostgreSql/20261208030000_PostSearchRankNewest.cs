using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence.Migrations.PostgreSql;

/// <summary>
/// Hand-written (ADR-010, issue 13): the search ranks only the tenant's newest matches and keeps its plans per
/// connection (<see cref="PostSearchMigrations.RankNewestPostgreSqlMatches"/>). Outside the EF model: no designer file.
/// </summary>
[DbContext(typeof(PostgreSqlDbContext))]
[Migration("20261208030000_PostSearchRankNewest")]
public sealed class PostSearchRankNewest : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => PostSearchMigrations.RankNewestPostgreSqlMatches(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => PostSearchMigrations.UnrankNewestPostgreSqlMatches(migrationBuilder);
}
