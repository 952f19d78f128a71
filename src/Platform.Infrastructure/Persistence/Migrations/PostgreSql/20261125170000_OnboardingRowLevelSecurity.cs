using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence.Migrations.PostgreSql;

/// <summary>Hand-written (ADR-006): the tenant wall on the onboarding tables (logos, invitations, audit log).</summary>
[DbContext(typeof(PostgreSqlDbContext))]
[Migration("20261125170000_OnboardingRowLevelSecurity")]
public sealed class OnboardingRowLevelSecurity : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in RowLevelSecurityMigrations.OnboardingTables)
        {
            migrationBuilder.EnableTenantRowLevelSecurity(table);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in RowLevelSecurityMigrations.OnboardingTables)
        {
            migrationBuilder.DisableRowLevelSecurity(table);
        }
    }
}
