using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence.Migrations.PostgreSql;

/// <summary>Hand-written (ADR-006): the tenant wall on the adoptions of library items (the library itself is shared).</summary>
[DbContext(typeof(PostgreSqlDbContext))]
[Migration("20261125200600_LibraryRowLevelSecurity")]
public sealed class LibraryRowLevelSecurity : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnableTenantRowLevelSecurity("LibraryAdoptions");

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DisableRowLevelSecurity("LibraryAdoptions");
}
