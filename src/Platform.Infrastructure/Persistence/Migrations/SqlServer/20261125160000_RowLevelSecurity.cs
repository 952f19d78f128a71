using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence.Migrations.SqlServer;

/// <summary>
/// Hand-written (ADR-006): the predicate functions in the schema <c>security</c>, the platform's role and its grants, and
/// a security policy with FILTER and BLOCK predicates on every tenant-owned table and on Identity's tables that hang on an
/// account. It changes no model, so it has no designer file.
/// </summary>
[DbContext(typeof(SqlServerDbContext))]
[Migration("20261125160000_RowLevelSecurity")]
public sealed class RowLevelSecurity : Migration
{
    private static readonly string[] AccountTables =
        ["AspNetUserClaims", "AspNetUserLogins", "AspNetUserPasskeys", "AspNetUserRoles", "AspNetUserTokens"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.SetUpRowLevelSecurity();
        migrationBuilder.EnableTenantRowLevelSecurity("Posts");
        migrationBuilder.EnableTenantRowLevelSecurity("AspNetUsers");
        foreach (var table in AccountTables)
        {
            migrationBuilder.EnableAccountRowLevelSecurity(table);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in AccountTables)
        {
            migrationBuilder.DisableRowLevelSecurity(table);
        }

        migrationBuilder.DisableRowLevelSecurity("AspNetUsers");
        migrationBuilder.DisableRowLevelSecurity("Posts");
        migrationBuilder.TearDownRowLevelSecurity();
    }
}
