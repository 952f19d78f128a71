using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StaffDigest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "StaffDigest",
                table: "NotificationPreferences",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // The mute bits move from eight per channel (in-app 0-7, e-mail 8-15, push 16-23) to sixteen (e-mail 0-15,
            // push 16-31), so that kinds past the eighth have room: e-mail's byte moves down, push's stays. Over every
            // tenant's rows, so row-level security is lifted for this one statement.
            migrationBuilder.Sql("""
                ALTER TABLE "NotificationPreferences" NO FORCE ROW LEVEL SECURITY;
                UPDATE "NotificationPreferences" SET "MutedKinds" = (("MutedKinds" / 256) & 255) | ("MutedKinds" & 16711680);
                ALTER TABLE "NotificationPreferences" FORCE ROW LEVEL SECURITY;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "NotificationPreferences" NO FORCE ROW LEVEL SECURITY;
                UPDATE "NotificationPreferences" SET "MutedKinds" = (("MutedKinds" & 255) * 256) | ("MutedKinds" & 16711680);
                ALTER TABLE "NotificationPreferences" FORCE ROW LEVEL SECURITY;
                """);

            migrationBuilder.DropColumn(
                name: "StaffDigest",
                table: "NotificationPreferences");
        }
    }
}
