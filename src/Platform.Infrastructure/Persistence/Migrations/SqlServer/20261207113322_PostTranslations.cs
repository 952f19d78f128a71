using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PostTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TranslatedText",
                table: "Posts",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "PostTranslations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PostId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Language = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    LiveVersion = table.Column<int>(type: "int", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReviewComment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ContentVersion = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LiveBodyMarkdown = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    LiveEasyBodyMarkdown = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    LiveEasySummary = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    LiveEasyTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    LiveSummary = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    LiveTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    BodyMarkdown = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    EasyBodyMarkdown = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    EasySummary = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    EasyTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Summary = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostTranslations_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PostTranslations_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PostTranslationVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TranslationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Snapshot = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostTranslationVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostTranslationVersions_PostTranslations_TranslationId",
                        column: x => x.TranslationId,
                        principalTable: "PostTranslations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PostTranslationVersions_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PostTranslations_PostId_Language",
                table: "PostTranslations",
                columns: new[] { "PostId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PostTranslations_TenantId_Status",
                table: "PostTranslations",
                columns: new[] { "TenantId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PostTranslationVersions_TenantId",
                table: "PostTranslationVersions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PostTranslationVersions_TranslationId_Number",
                table: "PostTranslationVersions",
                columns: new[] { "TranslationId", "Number" },
                unique: true);

            migrationBuilder.EnableTenantRowLevelSecurity("PostTranslations");
            migrationBuilder.EnableTenantRowLevelSecurity("PostTranslationVersions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableRowLevelSecurity("PostTranslationVersions");
            migrationBuilder.DisableRowLevelSecurity("PostTranslations");

            migrationBuilder.DropTable(
                name: "PostTranslationVersions");

            migrationBuilder.DropTable(
                name: "PostTranslations");

            migrationBuilder.DropColumn(
                name: "TranslatedText",
                table: "Posts");
        }
    }
}
