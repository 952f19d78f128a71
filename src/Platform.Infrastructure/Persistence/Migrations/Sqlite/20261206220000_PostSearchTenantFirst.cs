using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite;

/// <summary>
/// Hand-written (ADR-010, issue 13): search becomes tenant-first. The shared FTS5 table and its triggers go; each
/// tenant's own table (<see cref="Search.SqliteTenantSearchIndex"/>) is made and filled when the platform starts.
/// Outside the EF model: no designer file.
/// </summary>
[DbContext(typeof(SqliteDbContext))]
[Migration("20261206220000_PostSearchTenantFirst")]
public sealed class PostSearchTenantFirst : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => PostSearchMigrations.DropSqliteIndex(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => PostSearchMigrations.CreateSqliteIndex(migrationBuilder);
}
