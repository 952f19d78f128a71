using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// PostgreSQL's tenant wall (ADR-006), used through <see cref="RowLevelSecurityMigrations"/>. A row is visible and
/// writable only while the connection's <c>app.tenant_id</c> (set by <see cref="TenantSessionInterceptor"/> each time EF
/// Core opens a connection) is the row's tenant: the same rule as EF's tenant filter, kept by the database.
/// </summary>
public static class PostgreSqlRowLevelSecurity
{
    /// <summary>
    /// The group role the platform's login belongs to. Migrations grant it what the platform may do; the tables stay
    /// owned by the role that runs the migrations.
    /// </summary>
    public const string AppRole = "platform_app";

    /// <summary>The setting that carries the connection's tenant id; unset or <c>''</c> means none (no tenant rows).</summary>
    public const string TenantSetting = "app.tenant_id";

    /// <summary>The name of the policy on every protected table.</summary>
    public const string PolicyName = "tenant_isolation";

    /// <summary>
    /// The connection's tenant. After a pooled connection was reset (DISCARD ALL) the setting reads <c>''</c>, not
    /// NULL, and <c>''::uuid</c> would fail: NULLIF turns both into NULL, which matches no row.
    /// </summary>
    public const string CurrentTenant = $"NULLIF(current_setting('{TenantSetting}', true), '')::uuid";

    /// <summary>
    /// Creates <see cref="AppRole"/> if it is missing and grants it reading and writing of every table in the schema
    /// <c>public</c>, now and (default privileges) for the tables later migrations create as the same role. The migration
    /// history stays the owner's.
    /// </summary>
    internal static void SetUp(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AppRole}') THEN
                    CREATE ROLE {AppRole} NOLOGIN;
                END IF;
            EXCEPTION
                -- Roles belong to the server: a migration of another database may create it at the same moment.
                WHEN duplicate_object OR unique_violation THEN NULL;
                WHEN insufficient_privilege THEN
                    RAISE EXCEPTION 'The role {AppRole} is missing and % may not create it.', current_user
                        USING HINT = 'As an administrator: CREATE ROLE {AppRole} NOLOGIN; GRANT {AppRole} TO <the platform''s login>;';
            END
            $$;
            """);
        migrationBuilder.Sql($"""
            GRANT USAGE ON SCHEMA public TO {AppRole};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {AppRole};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {AppRole};
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {AppRole};
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {AppRole};
            REVOKE ALL ON TABLE "__EFMigrationsHistory" FROM {AppRole};
            """);
    }

    /// <summary>Takes back what <see cref="SetUp"/> granted. The role stays: other databases of the server may use it.</summary>
    internal static void TearDown(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"""
            ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM {AppRole};
            ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM {AppRole};
            REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {AppRole};
            REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {AppRole};
            REVOKE USAGE ON SCHEMA public FROM {AppRole};
            """);

    /// <summary>
    /// Row-level security on a tenant-owned table: rows of the connection's tenant only, for reading and writing, also
    /// for the table's owner (FORCE).
    /// </summary>
    internal static void EnableTenantPolicy(MigrationBuilder migrationBuilder, string table, string tenantColumn) =>
        EnablePolicy(migrationBuilder, table, $"""{Quote(table)}.{Quote(tenantColumn)} = {CurrentTenant}""");

    /// <summary>
    /// Row-level security on an Identity table without a tenant of its own (claims, logins, tokens, passkeys, role links):
    /// rows whose account belongs to the connection's tenant only.
    /// </summary>
    internal static void EnableAccountPolicy(MigrationBuilder migrationBuilder, string table, string userIdColumn) =>
        EnablePolicy(migrationBuilder, table, $"""
            EXISTS (SELECT 1 FROM "AspNetUsers" AS account
                    WHERE account."Id" = {Quote(table)}.{Quote(userIdColumn)}
                      AND account."TenantId" = {CurrentTenant})
            """);

    /// <summary>Removes the policy of <see cref="EnableTenantPolicy"/> or <see cref="EnableAccountPolicy"/>.</summary>
    internal static void DisablePolicy(MigrationBuilder migrationBuilder, string table) =>
        migrationBuilder.Sql($"""
            DROP POLICY IF EXISTS {PolicyName} ON {Quote(table)};
            ALTER TABLE {Quote(table)} NO FORCE ROW LEVEL SECURITY;
            ALTER TABLE {Quote(table)} DISABLE ROW LEVEL SECURITY;
            """);

    private static void EnablePolicy(MigrationBuilder migrationBuilder, string table, string predicate) =>
        migrationBuilder.Sql($"""
            ALTER TABLE {Quote(table)} ENABLE ROW LEVEL SECURITY;
            ALTER TABLE {Quote(table)} FORCE ROW LEVEL SECURITY;
            CREATE POLICY {PolicyName} ON {Quote(table)}
                USING ({predicate})
                WITH CHECK ({predicate});
            """);

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
