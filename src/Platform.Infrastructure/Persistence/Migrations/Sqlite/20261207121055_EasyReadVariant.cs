using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EasyReadVariant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EasyReadBodyMarkdown",
                table: "Posts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EasyReadSummary",
                table: "Posts",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EasyReadTitle",
                table: "Posts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EasyReadBodyMarkdown",
                table: "LibraryItemVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EasyReadSummary",
                table: "LibraryItemVersions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EasyReadTitle",
                table: "LibraryItemVersions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EasyReadBodyMarkdown",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "EasyReadSummary",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "EasyReadTitle",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "EasyReadBodyMarkdown",
                table: "LibraryItemVersions");

            migrationBuilder.DropColumn(
                name: "EasyReadSummary",
                table: "LibraryItemVersions");

            migrationBuilder.DropColumn(
                name: "EasyReadTitle",
                table: "LibraryItemVersions");
        }
    }
}
