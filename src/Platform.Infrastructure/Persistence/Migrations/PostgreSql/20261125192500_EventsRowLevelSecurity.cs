using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence.Migrations.PostgreSql;

/// <summary>Hand-written (ADR-006): the tenant wall on the event registrations and the per-event seat rows.</summary>
[DbContext(typeof(PostgreSqlDbContext))]
[Migration("20261125192500_EventsRowLevelSecurity")]
public sealed class EventsRowLevelSecurity : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in RowLevelSecurityMigrations.EventTables)
        {
            migrationBuilder.EnableTenantRowLevelSecurity(table);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in RowLevelSecurityMigrations.EventTables)
        {
            migrationBuilder.DisableRowLevelSecurity(table);
        }
    }
}
