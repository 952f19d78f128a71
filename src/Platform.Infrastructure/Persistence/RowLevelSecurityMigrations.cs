using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// Row-level security for hand-written migrations (ADR-006): the same lines in the PostgreSQL and the SQL Server
/// migration, each emitting its provider's SQL. A new tenant-owned table needs one line,
/// <c>migrationBuilder.EnableTenantRowLevelSecurity("Table")</c>; a test fails while it is missing. SQLite has no
/// row-level security: there the lines do nothing and EF's tenant filter is the only wall.
/// </summary>
/// <remarks>
/// The SQL these methods emit becomes part of the migrations that call them. Change it only together with a new migration
/// that replaces what the old SQL created.
/// </remarks>
public static class RowLevelSecurityMigrations
{
    /// <summary>The tenant-owned tables added with onboarding.</summary>
    public static readonly IReadOnlyList<string> OnboardingTables = ["TenantLogos", "Invitations", "AuditEntries"];

    /// <summary>The tenant-owned tables added with reminders and notifications.</summary>
    public static readonly IReadOnlyList<string> ReminderTables =
        ["Reminders", "ReminderDeliveries", "Notifications", "NotificationPreferences", "ConsentRecords", "PushSubscriptions"];

    /// <summary>The tenant-owned tables of the contact form.</summary>
    public static readonly IReadOnlyList<string> ContactTables = ["ContactRequests"];
    /// <summary>The tenant-owned tables added with the editorial workflow.</summary>
    public static readonly IReadOnlyList<string> EditorialTables = ["PostVersions", "PostTransitions", "PostJobRuns", "PostImages"];

    /// <summary>The tenant-owned tables of event registrations.</summary>
    public static readonly IReadOnlyList<string> EventTables = ["EventRegistrations", "EventSeats"];

    /// <summary>The tenant-owned tables of bookmarks and daily view counts.</summary>
    public static readonly IReadOnlyList<string> ReaderTables = ["Bookmarks", "PostViewDays"];

    /// <summary>
    /// What the policies need: on PostgreSQL the role <c>platform_app</c> and its grants; on SQL Server the schema
    /// <c>security</c> with the predicate functions, and the role <c>platform_app</c> with its grants.
    /// </summary>
    public static void SetUpRowLevelSecurity(this MigrationBuilder migrationBuilder) =>
        Dispatch(migrationBuilder, PostgreSqlRowLevelSecurity.SetUp, SqlServerRowLevelSecurity.SetUp);

    public static void TearDownRowLevelSecurity(this MigrationBuilder migrationBuilder) =>
        Dispatch(migrationBuilder, PostgreSqlRowLevelSecurity.TearDown, SqlServerRowLevelSecurity.TearDown);

    /// <summary>Only the connection's tenant's rows of <paramref name="table"/> can be read or written.</summary>
    public static void EnableTenantRowLevelSecurity(this MigrationBuilder migrationBuilder, string table, string tenantColumn = "TenantId") =>
        Dispatch(
            migrationBuilder,
            m => PostgreSqlRowLevelSecurity.EnableTenantPolicy(m, table, tenantColumn),
            m => SqlServerRowLevelSecurity.EnableTenantPolicy(m, table, tenantColumn));

    /// <summary>
    /// For Identity's tables without a tenant of their own (claims, logins, tokens, passkeys, role links): only rows
    /// whose account (AspNetUsers) belongs to the connection's tenant can be read or written.
    /// </summary>
    public static void EnableAccountRowLevelSecurity(this MigrationBuilder migrationBuilder, string table, string userIdColumn = "UserId") =>
        Dispatch(
            migrationBuilder,
            m => PostgreSqlRowLevelSecurity.EnableAccountPolicy(m, table, userIdColumn),
            m => SqlServerRowLevelSecurity.EnableAccountPolicy(m, table, userIdColumn));

    public static void DisableRowLevelSecurity(this MigrationBuilder migrationBuilder, string table) =>
        Dispatch(
            migrationBuilder,
            m => PostgreSqlRowLevelSecurity.DisablePolicy(m, table),
            m => SqlServerRowLevelSecurity.DisablePolicy(m, table));

    private static void Dispatch(MigrationBuilder migrationBuilder, Action<MigrationBuilder> postgreSql, Action<MigrationBuilder> sqlServer)
    {
        switch (migrationBuilder.ActiveProvider)
        {
            case "Npgsql.EntityFrameworkCore.PostgreSQL":
                postgreSql(migrationBuilder);
                break;
            case "Microsoft.EntityFrameworkCore.SqlServer":
                sqlServer(migrationBuilder);
                break;
            case "Microsoft.EntityFrameworkCore.Sqlite":
                break;
            default:
                throw new NotSupportedException($"No row-level security for the provider '{migrationBuilder.ActiveProvider}'.");
        }
    }
}
