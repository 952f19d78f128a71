using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence.Migrations.PostgreSql;

/// <summary>
/// Hand-written (ADR-010, issue 13): search becomes tenant-first. The generated column on Posts and its GIN index
/// give way to the table PostSearchIndex with a composite (tenant, vector) GIN index, read through security-definer
/// functions (<see cref="PostSearchMigrations.CreatePostgreSqlTenantIndex"/>). Outside the EF model: no designer file.
/// </summary>
[DbContext(typeof(PostgreSqlDbContext))]
[Migration("20261206220000_PostSearchTenantFirst")]
public sealed class PostSearchTenantFirst : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => PostSearchMigrations.CreatePostgreSqlTenantIndex(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => PostSearchMigrations.DropPostgreSqlTenantIndex(migrationBuilder);
}
