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
/// that replaces what the old SQL created (ADR-025: migrations are only ever added).
/// </remarks>
public static class RowLevelSecurityMigrations
{
    /// <summary>
    /// The tables the baseline migration (<c>RowLevelSecurity</c>) protects: every table with a <c>TenantId</c> column
    /// when it was written. This list is part of that migration and never changes (ADR-025). A later tenant-owned table
    /// gets its own line, <c>migrationBuilder.EnableTenantRowLevelSecurity("Table")</c>, in the migration that creates
    /// it; <c>RowLevelSecurityTests</c> reads the tables from the model and fails while one is missing.
    /// </summary>
    private static readonly IReadOnlyList<string> BaselineTenantTables =
    [
        "Posts", "PostVersions", "PostTransitions", "PostJobRuns", "PostImages", "Bookmarks", "PostViewDays", "TenantTopics",
        "LibraryAdoptions", "LibraryCampaignOptIns",
        "EventRegistrations", "EventSeats",
        "Reminders", "ReminderDeliveries", "Notifications", "NotificationPreferences", "ConsentRecords", "PushSubscriptions",
        "ContactRequests",
        "AspNetUsers", "TenantLogos", "Invitations",
        "AuditEntries",
    ];

    /// <summary>Identity's tables that hang on an account (<c>UserId</c>) instead of carrying a tenant of their own; frozen like <see cref="BaselineTenantTables"/>.</summary>
    private static readonly IReadOnlyList<string> BaselineAccountTables =
        ["AspNetUserClaims", "AspNetUserLogins", "AspNetUserPasskeys", "AspNetUserRoles", "AspNetUserTokens"];

    /// <summary>The baseline migration's Up, the same for PostgreSQL and SQL Server: the role and its grants, then every baseline table's policy.</summary>
    public static void ProtectBaselineTables(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.SetUpRowLevelSecurity();
        foreach (var table in BaselineTenantTables)
        {
            migrationBuilder.EnableTenantRowLevelSecurity(table);
        }

        foreach (var table in BaselineAccountTables)
        {
            migrationBuilder.EnableAccountRowLevelSecurity(table);
        }
    }

    /// <summary>The baseline migration's Down: the policies in reverse order, then the role.</summary>
    public static void UnprotectBaselineTables(this MigrationBuilder migrationBuilder)
    {
        foreach (var table in BaselineAccountTables.Concat(BaselineTenantTables).Reverse())
        {
            migrationBuilder.DisableRowLevelSecurity(table);
        }

        migrationBuilder.TearDownRowLevelSecurity();
    }

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
