using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// The index behind the events calendar and the upcoming events (issue 13): (tenant, status, start) over the posts that
/// are events, so a month is a range read of that tenant's events, not a scan of all its posts. The same SQL on all
/// three providers (each quotes the names its own way).
/// </summary>
public static class EventIndexes
{
    public const string Name = "IX_Posts_TenantId_Status_EventStartsAt";

    public static void Create(MigrationBuilder migrationBuilder)
    {
        var (open, close) = Quotes(migrationBuilder);
        migrationBuilder.Sql($"""
            CREATE INDEX {open}{Name}{close} ON {open}Posts{close} ({open}TenantId{close}, {open}Status{close}, {open}EventStartsAt{close})
            WHERE {open}EventStartsAt{close} IS NOT NULL;
            """);
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        var (open, close) = Quotes(migrationBuilder);
        migrationBuilder.Sql(migrationBuilder.IsSqlServer()
            ? $"DROP INDEX {open}{Name}{close} ON {open}Posts{close};"
            : $"DROP INDEX IF EXISTS {open}{Name}{close};");
    }

    private static (string Open, string Close) Quotes(MigrationBuilder migrationBuilder) =>
        migrationBuilder.IsSqlServer() ? ("[", "]") : ("\"", "\"");
}
