using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence.Migrations.SqlServer;

/// <summary>Hand-written (ADR-006): the tenant wall on the campaign opt-ins (campaigns and their participation view are shared).</summary>
[DbContext(typeof(SqlServerDbContext))]
[Migration("20261125220000_LibraryCampaignsRowLevelSecurity")]
public sealed class LibraryCampaignsRowLevelSecurity : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnableTenantRowLevelSecurity("LibraryCampaignOptIns");

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DisableRowLevelSecurity("LibraryCampaignOptIns");
}
