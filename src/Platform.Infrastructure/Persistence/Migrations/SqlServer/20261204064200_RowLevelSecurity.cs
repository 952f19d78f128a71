using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence.Migrations.SqlServer;

/// <summary>
/// Hand-written (ADR-006): the platform's role and its grants, and row-level security on every tenant-owned table and on
/// Identity's tables that hang on an account. The tables are listed once, in <see cref="RowLevelSecurityMigrations"/>,
/// for this provider and the other. It changes no model, so it has no designer file.
/// </summary>
[DbContext(typeof(SqlServerDbContext))]
[Migration("20261204064200_RowLevelSecurity")]
public sealed class RowLevelSecurity : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.ProtectBaselineTables();

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.UnprotectBaselineTables();
}
