using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CallbackBookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SlotStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SlotEnd = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Place = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    OutcomeAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OutcomeBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SlotMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Pattern = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ClosedDays = table.Column<string>(type: "TEXT", maxLength: 1200, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
