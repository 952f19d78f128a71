using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class LibraryCampaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CallToActionLabel",
                table: "LibraryItemVersions",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CallToActionUrl",
                table: "LibraryItemVersions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CoverImageAlt",
                table: "LibraryItemVersions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CoverImageId",
                table: "LibraryItemVersions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EventCapacity",
                table: "LibraryItemVersions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EventEndsAt",
                table: "LibraryItemVersions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EventOnlineUrl",
                table: "LibraryItemVersions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EventPlace",
                table: "LibraryItemVersions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EventStartsAt",
                table: "LibraryItemVersions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExpiresAt",
                table: "LibraryItemVersions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LibraryCampaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LibraryItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PublishAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryCampaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LibraryCampaigns_LibraryItems_LibraryItemId",
                        column: x => x.LibraryItemId,
                        principalTable: "LibraryItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LibraryImages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryImages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LibraryCampaignOptIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    PostId = table.Column<Guid>(type: "uuid", nullable: false),
                    PublishAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OptedInById = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryCampaignOptIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LibraryCampaignOptIns_LibraryCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "LibraryCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LibraryCampaignOptIns_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LibraryCampaignOptIns_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LibraryCampaignParticipations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    PostStatus = table.Column<int>(type: "integer", nullable: false),
                    PublishAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryCampaignParticipations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LibraryCampaignParticipations_LibraryCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "LibraryCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LibraryCampaignParticipations_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LibraryItemVersions_CoverImageId",
                table: "LibraryItemVersions",
                column: "CoverImageId");

            migrationBuilder.CreateIndex(
                name: "IX_LibraryCampaignOptIns_CampaignId",
                table: "LibraryCampaignOptIns",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_LibraryCampaignOptIns_PostId",
                table: "LibraryCampaignOptIns",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_LibraryCampaignOptIns_TenantId_CampaignId",
                table: "LibraryCampaignOptIns",
                columns: new[] { "TenantId", "CampaignId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LibraryCampaignOptIns_TenantId_PostId",
                table: "LibraryCampaignOptIns",
                columns: new[] { "TenantId", "PostId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LibraryCampaignParticipations_CampaignId_TenantId",
                table: "LibraryCampaignParticipations",
                columns: new[] { "CampaignId", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LibraryCampaignParticipations_TenantId",
                table: "LibraryCampaignParticipations",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_LibraryCampaigns_LibraryItemId",
                table: "LibraryCampaigns",
                column: "LibraryItemId");

            migrationBuilder.CreateIndex(
                name: "IX_LibraryCampaigns_PublishAt",
                table: "LibraryCampaigns",
                column: "PublishAt");

            migrationBuilder.AddForeignKey(
                name: "FK_LibraryItemVersions_LibraryImages_CoverImageId",
                table: "LibraryItemVersions",
                column: "CoverImageId",
                principalTable: "LibraryImages",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_LibraryItemVersions_LibraryImages_CoverImageId",
                table: "LibraryItemVersions");

            migrationBuilder.DropTable(
                name: "LibraryCampaignOptIns");

            migrationBuilder.DropTable(
                name: "LibraryCampaignParticipations");

            migrationBuilder.DropTable(
                name: "LibraryImages");

            migrationBuilder.DropTable(
                name: "LibraryCampaigns");

            migrationBuilder.DropIndex(
                name: "IX_LibraryItemVersions_CoverImageId",
                table: "LibraryItemVersions");

            migrationBuilder.DropColumn(
                name: "CallToActionLabel",
                table: "LibraryItemVersions");

            migrationBuilder.DropColumn(
                name: "CallToActionUrl",
                table: "LibraryItemVersions");

            migrationBuilder.DropColumn(
                name: "CoverImageAlt",
                table: "LibraryItemVersions");

            migrationBuilder.DropColumn(
                name: "CoverImageId",
                table: "LibraryItemVersions");

            migrationBuilder.DropColumn(
                name: "EventCapacity",
                table: "LibraryItemVersions");

            migrationBuilder.DropColumn(
                name: "EventEndsAt",
                table: "LibraryItemVersions");

            migrationBuilder.DropColumn(
                name: "EventOnlineUrl",
                table: "LibraryItemVersions");

            migrationBuilder.DropColumn(
                name: "EventPlace",
                table: "LibraryItemVersions");

            migrationBuilder.DropColumn(
                name: "EventStartsAt",
                table: "LibraryItemVersions");

            migrationBuilder.DropColumn(
                name: "ExpiresAt",
                table: "LibraryItemVersions");
        }
    }
}
