using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence.Migrations.PostgreSql;

/// <summary>Hand-written (ADR-006): the tenant wall on the bookmarks and the daily view counts.</summary>
[DbContext(typeof(PostgreSqlDbContext))]
[Migration("20261125205000_ReaderRowLevelSecurity")]
public sealed class ReaderRowLevelSecurity : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in RowLevelSecurityMigrations.ReaderTables)
        {
            migrationBuilder.EnableTenantRowLevelSecurity(table);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in RowLevelSecurityMigrations.ReaderTables)
        {
            migrationBuilder.DisableRowLevelSecurity(table);
        }
    }
}
