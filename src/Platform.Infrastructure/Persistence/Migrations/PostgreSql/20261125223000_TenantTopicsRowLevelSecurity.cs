using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence.Migrations.PostgreSql;

/// <summary>Hand-written (ADR-006): the tenant wall on the tenants' own topics (ADR-017).</summary>
[DbContext(typeof(PostgreSqlDbContext))]
[Migration("20261125223000_TenantTopicsRowLevelSecurity")]
public sealed class TenantTopicsRowLevelSecurity : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnableTenantRowLevelSecurity("TenantTopics");

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DisableRowLevelSecurity("TenantTopics");
}
