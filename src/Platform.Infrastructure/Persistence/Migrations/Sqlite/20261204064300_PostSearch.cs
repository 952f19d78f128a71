using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite;

/// <summary>
/// Hand-written (ADR-010): the full-text index of the posts, which lives outside the EF model (its SQL is in
/// <see cref="PostSearchMigrations"/>). It changes no model, so it has no designer file.
/// </summary>
[DbContext(typeof(SqliteDbContext))]
[Migration("20261204064300_PostSearch")]
public sealed class PostSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => PostSearchMigrations.CreateSqliteIndex(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => PostSearchMigrations.DropSqliteIndex(migrationBuilder);
}
