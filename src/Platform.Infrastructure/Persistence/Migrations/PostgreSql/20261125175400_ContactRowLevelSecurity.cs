using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence.Migrations.PostgreSql;

/// <summary>Hand-written (ADR-006): the tenant wall on the contact requests.</summary>
[DbContext(typeof(PostgreSqlDbContext))]
[Migration("20261125175400_ContactRowLevelSecurity")]
public sealed class ContactRowLevelSecurity : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in RowLevelSecurityMigrations.ContactTables)
        {
            migrationBuilder.EnableTenantRowLevelSecurity(table);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in RowLevelSecurityMigrations.ContactTables)
        {
            migrationBuilder.DisableRowLevelSecurity(table);
        }
    }
}
