using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CallbackSlots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CallbackBookingId",
                table: "ReminderDeliveries",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CallbackBookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    SlotStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SlotEnd = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    OutcomeAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OutcomeBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallbackBookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallbackBookings_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CallbackHours",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    SlotMinutes = table.Column<int>(type: "integer", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Pattern = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ClosedDays = table.Column<string>(type: "character varying(1200)", maxLength: 1200, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallbackHours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallbackHours_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_CallbackBookingId",
                table: "ReminderDeliveries",
                column: "CallbackBookingId");

            migrationBuilder.CreateIndex(
                name: "IX_CallbackBookings_TenantId_SlotStart_Place",
                table: "CallbackBookings",
                columns: new[] { "TenantId", "SlotStart", "Place" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallbackHours_TenantId",
                table: "CallbackHours",
                column: "TenantId",
                unique: true);

            migrationBuilder.EnableTenantRowLevelSecurity("CallbackHours");
            migrationBuilder.EnableTenantRowLevelSecurity("CallbackBookings");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableRowLevelSecurity("CallbackBookings");
            migrationBuilder.DisableRowLevelSecurity("CallbackHours");

            migrationBuilder.DropTable(
                name: "CallbackBookings");

            migrationBuilder.DropTable(
                name: "CallbackHours");

            migrationBuilder.DropIndex(
                name: "IX_ReminderDeliveries_CallbackBookingId",
                table: "ReminderDeliveries");

            migrationBuilder.DropColumn(
                name: "CallbackBookingId",
                table: "ReminderDeliveries");
        }
    }
}
