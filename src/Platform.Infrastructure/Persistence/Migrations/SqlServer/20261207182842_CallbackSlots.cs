using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CallbackBookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SlotStart = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SlotEnd = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Place = table.Column<int>(type: "int", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Outcome = table.Column<int>(type: "int", nullable: false),
                    OutcomeAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    OutcomeBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SlotMinutes = table.Column<int>(type: "int", nullable: false),
                    Capacity = table.Column<int>(type: "int", nullable: false),
                    Pattern = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ClosedDays = table.Column<string>(type: "nvarchar(1200)", maxLength: 1200, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                unique: true,
                filter: "[Place] IS NOT NULL");

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
