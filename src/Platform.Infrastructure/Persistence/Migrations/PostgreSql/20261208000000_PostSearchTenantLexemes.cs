using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence.Migrations.PostgreSql;

/// <summary>
/// Hand-written (ADR-010, issue 13): the search index keeps each tenant's words apart, so that a lookup reads only the
/// tenant's entries (<see cref="PostSearchMigrations.UsePostgreSqlTenantLexemes"/>), and the ranking no longer sorts
/// the vectors. Outside the EF model: no designer file.
/// </summary>
[DbContext(typeof(PostgreSqlDbContext))]
[Migration("20261208000000_PostSearchTenantLexemes")]
public sealed class PostSearchTenantLexemes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => PostSearchMigrations.UsePostgreSqlTenantLexemes(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => PostSearchMigrations.UnusePostgreSqlTenantLexemes(migrationBuilder);
}
