using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence.Migrations.SqlServer;

/// <summary>Hand-written (ADR-006): the tenant wall on the editorial tables (versions, transitions, job runs, cover images).</summary>
[DbContext(typeof(SqlServerDbContext))]
[Migration("20261125185400_EditorialRowLevelSecurity")]
public sealed class EditorialRowLevelSecurity : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in RowLevelSecurityMigrations.EditorialTables)
        {
            migrationBuilder.EnableTenantRowLevelSecurity(table);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in RowLevelSecurityMigrations.EditorialTables)
        {
            migrationBuilder.DisableRowLevelSecurity(table);
        }
    }
}
