using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// SQL Server's tenant wall (ADR-006), used through <see cref="RowLevelSecurityMigrations"/>: inline predicate functions
/// in the schema <c>security</c> compare a row's tenant with <c>SESSION_CONTEXT(N'TenantId')</c> (set by
/// <see cref="TenantSessionInterceptor"/> each time EF Core opens a connection), and one security policy per table
/// applies them as FILTER predicate (reading, updating, deleting) and BLOCK predicates (rows written for another tenant).
/// </summary>
/// <remarks>
/// Every statement runs through <c>EXEC</c>: CREATE SCHEMA, FUNCTION and SECURITY POLICY must start a batch, and the
/// idempotent script wraps each migration's statements in an IF block.
/// </remarks>
public static class SqlServerRowLevelSecurity
{
    /// <summary>The database role the platform's user belongs to; migrations grant it reading and writing in <c>dbo</c>.</summary>
    public const string AppRole = "platform_app";

    /// <summary>The SESSION_CONTEXT key that carries the connection's tenant id (a uniqueidentifier).</summary>
    public const string TenantKey = "TenantId";

    public const string Schema = "security";

    /// <summary>A row whose own TenantId is the connection's tenant.</summary>
    public const string TenantPredicate = "[security].[TenantAccessPredicate]";

    /// <summary>A row of an Identity table whose account (AspNetUsers) belongs to the connection's tenant.</summary>
    public const string UserPredicate = "[security].[UserAccessPredicate]";

    private const string CurrentTenant = $"CAST(SESSION_CONTEXT(N'{TenantKey}') AS uniqueidentifier)";

    /// <summary>Creates the schema, the predicate functions and <see cref="AppRole"/> with its grants.</summary>
    internal static void SetUp(MigrationBuilder migrationBuilder)
    {
        Exec(migrationBuilder, $"CREATE SCHEMA [{Schema}]");
        Exec(migrationBuilder, $"""
            CREATE FUNCTION {TenantPredicate}(@TenantId uniqueidentifier)
            RETURNS TABLE
            WITH SCHEMABINDING
            AS
            RETURN SELECT 1 AS [Allowed] WHERE @TenantId = {CurrentTenant}
            """);
        Exec(migrationBuilder, $"""
            CREATE FUNCTION {UserPredicate}(@UserId uniqueidentifier)
            RETURNS TABLE
            WITH SCHEMABINDING
            AS
            RETURN SELECT 1 AS [Allowed] FROM [dbo].[AspNetUsers] AS [u]
                WHERE [u].[Id] = @UserId AND [u].[TenantId] = {CurrentTenant}
            """);
        Exec(migrationBuilder, $"IF DATABASE_PRINCIPAL_ID(N'{AppRole}') IS NULL CREATE ROLE [{AppRole}]");
        Exec(migrationBuilder, $"GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::[dbo] TO [{AppRole}]");
        Exec(migrationBuilder, $"DENY SELECT, INSERT, UPDATE, DELETE ON [dbo].[__EFMigrationsHistory] TO [{AppRole}]");
    }

    /// <summary>Drops what <see cref="SetUp"/> created, after every policy that uses the functions is gone.</summary>
    internal static void TearDown(MigrationBuilder migrationBuilder)
    {
        Exec(migrationBuilder, $"REVOKE SELECT, INSERT, UPDATE, DELETE ON [dbo].[__EFMigrationsHistory] FROM [{AppRole}]");
        Exec(migrationBuilder, $"REVOKE SELECT, INSERT, UPDATE, DELETE ON SCHEMA::[dbo] FROM [{AppRole}]");
        Exec(migrationBuilder, $"DROP FUNCTION {UserPredicate}");
        Exec(migrationBuilder, $"DROP FUNCTION {TenantPredicate}");
        Exec(migrationBuilder, $"DROP SCHEMA [{Schema}]");
    }

    /// <summary>The security policy of a tenant-owned table.</summary>
    internal static void EnableTenantPolicy(MigrationBuilder migrationBuilder, string table, string tenantColumn) =>
        CreatePolicy(migrationBuilder, table, TenantPredicate, tenantColumn);

    /// <summary>The security policy of an Identity table without a tenant of its own: through the row's account.</summary>
    internal static void EnableAccountPolicy(MigrationBuilder migrationBuilder, string table, string userIdColumn) =>
        CreatePolicy(migrationBuilder, table, UserPredicate, userIdColumn);

    internal static void DisablePolicy(MigrationBuilder migrationBuilder, string table) =>
        Exec(migrationBuilder, $"DROP SECURITY POLICY {PolicyName(table)}");

    private static void CreatePolicy(MigrationBuilder migrationBuilder, string table, string predicate, string column)
    {
        var call = $"{predicate}([{column}]) ON [dbo].[{table}]";
        Exec(migrationBuilder, $"""
            CREATE SECURITY POLICY {PolicyName(table)}
                ADD FILTER PREDICATE {call},
                ADD BLOCK PREDICATE {call} AFTER INSERT,
                ADD BLOCK PREDICATE {call} AFTER UPDATE
                WITH (STATE = ON, SCHEMABINDING = ON)
            """);
    }

    private static string PolicyName(string table) => $"[{Schema}].[{table}TenantIsolation]";

    private static void Exec(MigrationBuilder migrationBuilder, string sql) =>
        migrationBuilder.Sql("EXEC(N'" + sql.Replace("'", "''", StringComparison.Ordinal) + "')");
}
