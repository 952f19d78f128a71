using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class NotificationLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "ReminderDeliveries",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "de");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "PushSubscriptions",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "de");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "ContactRequests",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "de");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                table: "ReminderDeliveries");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "PushSubscriptions");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "ContactRequests");
        }
    }
}
