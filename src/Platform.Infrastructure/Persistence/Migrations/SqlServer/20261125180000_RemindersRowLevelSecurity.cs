using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence.Migrations.SqlServer;

/// <summary>Hand-written (ADR-006): the tenant wall on the reminder and notification tables.</summary>
[DbContext(typeof(SqlServerDbContext))]
[Migration("20261125180000_RemindersRowLevelSecurity")]
public sealed class RemindersRowLevelSecurity : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in RowLevelSecurityMigrations.ReminderTables)
        {
            migrationBuilder.EnableTenantRowLevelSecurity(table);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in RowLevelSecurityMigrations.ReminderTables)
        {
            migrationBuilder.DisableRowLevelSecurity(table);
        }
    }
}
