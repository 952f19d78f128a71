using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Infrastructure.Identity;
using Platform.Infrastructure.Persistence;
using Platform.Infrastructure.Tenancy;
using Platform.TestSupport;

namespace Platform.Api.Tests.Tenants;

/// <summary>
/// The second wall on PostgreSQL (ADR-006): row-level security lets SQL that bypasses EF's tenant filter see and write
/// only the current tenant's rows. PostgreSQL only: SQLite has no row-level security.
/// </summary>
public sealed class RowLevelSecurityTests(PostgresApp app) : ApiTestBase<PostgresApp>(app)
{
    [Fact]
    public async Task The_platform_connects_as_a_role_that_owns_no_table_and_cannot_bypass_row_security()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT r.rolname, r.rolsuper, r.rolbypassrls,
                   (SELECT count(*) FROM pg_tables t WHERE pg_has_role(current_user, t.tableowner, 'USAGE'))
            FROM pg_roles r WHERE r.rolname = current_user
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal(PlatformApp.PostgresAppLogin, reader.GetString(0));
        Assert.False(reader.GetBoolean(1), "superuser");
        Assert.False(reader.GetBoolean(2), "bypasses row-level security");
        Assert.Equal(0, reader.GetInt64(3));
    }

    [Fact]
    public async Task The_role_that_owns_the_tables_is_held_by_the_policies_too()
    {
        await using var connection = new NpgsqlConnection(App.MigrationsConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT current_user, (SELECT count(*) FROM "Posts"), (SELECT count(*) FROM "AspNetUsers")""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal(PlatformApp.PostgresOwner, reader.GetString(0));
        Assert.Equal(0, reader.GetInt64(1));
        Assert.Equal(0, reader.GetInt64(2));
    }

    /// <summary>Fails for a tenant-owned entity whose migration forgot <c>EnableTenantRowLevelSecurity</c>.</summary>
    [Fact]
    public async Task Every_tenant_owned_table_and_every_account_table_has_a_forced_tenant_policy()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var entityTypes = db.Model.GetEntityTypes().Where(t => !t.IsOwned()).ToList();
        var tenantOwned = entityTypes.Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)).ToList();

        // Identity's tables without a tenant of their own hang on their account (ModelIsolationTests).
        var dependents = entityTypes
            .Where(t => !typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && !typeof(ISharedEntity).IsAssignableFrom(t.ClrType))
            .Where(t => t.GetForeignKeys().Any(fk => typeof(ITenantOwned).IsAssignableFrom(fk.PrincipalEntityType.ClrType)));
        var tables = tenantOwned.Concat(dependents).Select(t => t.GetTableName()!).Distinct().Order().ToList();

        var protectedTables = await SuperuserQueryAsync(
            $"""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity AND c.relforcerowsecurity
              AND EXISTS (SELECT 1 FROM pg_policies p
                          WHERE p.schemaname = 'public' AND p.tablename = c.relname
                            AND p.policyname = '{PostgreSqlRowLevelSecurity.PolicyName}'
                            AND p.qual LIKE '%{PostgreSqlRowLevelSecurity.TenantSetting}%'
                            AND p.with_check LIKE '%{PostgreSqlRowLevelSecurity.TenantSetting}%')
            """,
            r => r.GetString(0));

        Assert.Contains("Posts", tables);
        Assert.Contains("AspNetUserRoles", tables);
        Assert.Empty(tables.Except(protectedTables));
    }

    [Fact]
    public async Task Sql_that_bypasses_the_filter_sees_only_the_current_tenants_rows()
    {
        var grossGerau = await TenantAsync("gross-gerau");
        var offenbach = await TenantAsync("offenbach");
        var postsByTenant = await CountByTenantAsync("""SELECT "TenantId", count(*)::int FROM "Posts" GROUP BY 1""");
        var roleLinksByTenant = await CountByTenantAsync(
            """SELECT u."TenantId", count(*)::int FROM "AspNetUserRoles" l JOIN "AspNetUsers" u ON u."Id" = l."UserId" GROUP BY 1""");
        Assert.True(postsByTenant[offenbach.Id] > 0);
        Assert.True(roleLinksByTenant[offenbach.Id] > 0);

        await App.InTenantAsync("gross-gerau", async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var unfiltered = await db.Posts.IgnoreQueryFilters([PlatformDbContext.TenantFilter]).CountAsync();
            var raw = await db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM "Posts" """).SingleAsync();
            var otherTenants = await db.Database
                .SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM "Posts" WHERE "TenantId" = {offenbach.Id}""").SingleAsync();
            var accountTenants = await db.Database
                .SqlQueryRaw<Guid>("""SELECT DISTINCT "TenantId" AS "Value" FROM "AspNetUsers" """).ToListAsync();
            var roleLinks = await db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM "AspNetUserRoles" """).SingleAsync();

            Assert.Equal(postsByTenant[grossGerau.Id], unfiltered);
            Assert.Equal(postsByTenant[grossGerau.Id], raw);
            Assert.Equal(0, otherTenants);
            Assert.Equal([grossGerau.Id], accountTenants);
            Assert.Equal(roleLinksByTenant[grossGerau.Id], roleLinks);
        });
    }

    [Fact]
    public async Task Writing_another_tenants_rows_is_refused_by_the_database()
    {
        var offenbach = await TenantAsync("offenbach");
        var offenbachAccount = (await SuperuserQueryAsync(
            $"""SELECT "Id" FROM "AspNetUsers" WHERE "TenantId" = '{offenbach.Id}' LIMIT 1""", r => r.GetGuid(0))).Single();
        var offenbachPostsBefore = await SuperuserQueryAsync(
            $"""SELECT "Title" FROM "Posts" WHERE "TenantId" = '{offenbach.Id}' ORDER BY "Id" """, r => r.GetString(0));

        await App.InTenantAsync("gross-gerau", async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var current = sp.GetRequiredService<ICurrentTenant>().RequiredId;
            var post = await db.Posts.AsNoTracking().FirstAsync();
            var account = await db.Users.AsNoTracking().FirstAsync();
            var role = await db.Roles.AsNoTracking().FirstAsync();

            // The same statement for the own tenant succeeds: the refusals below are the tenant's, nothing else.
            Assert.Equal(1, await InsertPostAsync(db, current));
            await AssertRefusedAsync(() => InsertPostAsync(db, offenbach.Id));

            // A bulk update does not pass EF's SaveChanges guard; the database still refuses to move the row.
            await AssertRefusedAsync(() => db.Posts.Where(p => p.Id == post.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.TenantId, offenbach.Id)));
            await AssertRefusedAsync(() => db.Database.ExecuteSqlAsync(
                $"""UPDATE "AspNetUsers" SET "TenantId" = {offenbach.Id} WHERE "Id" = {account.Id}"""));
            await AssertRefusedAsync(() => db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") VALUES ({offenbachAccount}, {role.Id})"""));

            // Another tenant's rows are not there to be changed or deleted.
            Assert.Equal(0, await db.Database.ExecuteSqlAsync(
                $"""UPDATE "Posts" SET "Title" = 'Übernommen' WHERE "TenantId" = {offenbach.Id}"""));
            Assert.Equal(0, await db.Database.ExecuteSqlAsync($"""DELETE FROM "Posts" WHERE "TenantId" = {offenbach.Id}"""));
            Assert.Equal(0, await db.Database.ExecuteSqlAsync($"""DELETE FROM "AspNetUserRoles" WHERE "UserId" = {offenbachAccount}"""));
        });

        Assert.Equal(offenbachPostsBefore, await SuperuserQueryAsync(
            $"""SELECT "Title" FROM "Posts" WHERE "TenantId" = '{offenbach.Id}' ORDER BY "Id" """, r => r.GetString(0)));
        Assert.NotEmpty(await SuperuserQueryAsync(
            $"""SELECT 1 FROM "AspNetUserRoles" WHERE "UserId" = '{offenbachAccount}'""", r => r.GetInt32(0)));
    }

    /// <summary>
    /// One physical connection (Maximum Pool Size=1) serves scopes of gross-gerau, offenbach, gross-gerau again, the
    /// platform (no tenant) and offenbach again: each sees its own rows only. A connection opened afterwards without EF
    /// (so without the tenant being set) sees nothing: the pool's reset (DISCARD ALL) leaves no tenant behind.
    /// </summary>
    [Fact]
    public async Task Pooled_connections_alternating_between_tenants_see_only_their_own_rows()
    {
        var grossGerau = await TenantAsync("gross-gerau");
        var offenbach = await TenantAsync("offenbach");
        var pooled = new NpgsqlConnectionStringBuilder(App.ConnectionString)
        {
            MaxPoolSize = 1,
            ApplicationName = "row-level-security-pool-test",
        }.ConnectionString;
        var options = new DbContextOptionsBuilder<PostgreSqlDbContext>()
            .UseNpgsql(pooled)
            .AddInterceptors(TenantSessionInterceptor.PostgreSql)
            .UseApplicationServiceProvider(IdentitySchema.StandaloneServices)
            .Options;

        var backends = new HashSet<int>();
        foreach (var tenant in new[] { grossGerau, offenbach, grossGerau, null, offenbach })
        {
            var current = new CurrentTenant();
            current.SetTenant(tenant);
            await using var db = new PostgreSqlDbContext(options);
            db.UseTenant(current);

            backends.Add(await db.Database.SqlQueryRaw<int>("""SELECT pg_backend_pid() AS "Value" """).SingleAsync());
            var postTenants = await db.Database.SqlQueryRaw<Guid>("""SELECT DISTINCT "TenantId" AS "Value" FROM "Posts" """).ToListAsync();
            var accountTenants = await db.Database.SqlQueryRaw<Guid>("""SELECT DISTINCT "TenantId" AS "Value" FROM "AspNetUsers" """).ToListAsync();

            if (tenant is null)
            {
                // The platform's own scope: its accounts (PlatformAdmins), no tenant's rows, as with EF's filter.
                Assert.Empty(postTenants);
                Assert.Equal([Guid.Empty], accountTenants);
            }
            else
            {
                Assert.Equal([tenant.Id], postTenants);
                Assert.Equal([tenant.Id], accountTenants);
            }
        }

        await using (var withoutEf = new NpgsqlConnection(pooled))
        {
            await withoutEf.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                SELECT pg_backend_pid(), current_setting('app.tenant_id', true),
                       (SELECT count(*) FROM "Posts"), (SELECT count(*) FROM "AspNetUsers")
                """,
                withoutEf);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            backends.Add(reader.GetInt32(0));
            Assert.Equal("", reader.GetString(1));
            Assert.Equal(0, reader.GetInt64(2));
            Assert.Equal(0, reader.GetInt64(3));
        }

        Assert.Single(backends);
    }

    /// <summary>
    /// The search index lives outside the model and outside the forced policies (ADR-010): the platform's role may not
    /// read it at all, and the two functions it may call answer with the connection's tenant's posts only, and with
    /// nothing while no tenant is set.
    /// </summary>
    [Fact]
    public async Task The_search_index_is_read_only_through_functions_that_keep_to_the_connections_tenant()
    {
        var grossGerau = await TenantAsync("gross-gerau");
        var postsByTenant = (await SuperuserQueryAsync(
            $"""SELECT "PostId", "TenantId" FROM "{PostSearchMigrations.PostgreSqlIndexTable}" """,
            r => (Post: r.GetGuid(0), Tenant: r.GetGuid(1)))).ToDictionary(x => x.Post, x => x.Tenant);
        Assert.True(postsByTenant.Values.Distinct().Count() > 1, "Both demo jobcenters have published posts in the index.");

        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();

        // Words that the demo posts of both jobcenters contain, stemmed as the platform's search does.
        var query = "SELECT \"Id\" FROM search_published_posts(to_tsquery('german', 'jobcenter:* | bewerbung:* | wohnung:* | geld:*'), 0, 1000)";
        var untenanted = await ReadIdsAsync(connection, query);
        await using (var set = new NpgsqlCommand($"SELECT set_config('{PostgreSqlRowLevelSecurity.TenantSetting}', '{grossGerau.Id}', false)", connection))
        {
            await set.ExecuteNonQueryAsync();
        }

        var found = await ReadIdsAsync(connection, query);
        var direct = await Assert.ThrowsAsync<PostgresException>(() =>
            ReadIdsAsync(connection, $"""SELECT "PostId" FROM "{PostSearchMigrations.PostgreSqlIndexTable}" """));

        Assert.Empty(untenanted);
        Assert.NotEmpty(found);
        Assert.All(found, id => Assert.Equal(grossGerau.Id, postsByTenant[id]));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, direct.SqlState);
    }

    private static async Task<List<Guid>> ReadIdsAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static Task<int> InsertPostAsync(PlatformDbContext db, Guid tenantId) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "Posts" ("Id", "TenantId", "Title", "Summary", "BodyMarkdown", "Topics", "Language", "HasCoverImage",
                                 "AuthorId", "Status", "CreatedAt", "UpdatedAt", "IsDemo", "ContentVersion", "Version")
            VALUES (gen_random_uuid(), {tenantId}, 'Untergeschoben', '', '', 1, 'de', false,
                    gen_random_uuid(), 0, now(), now(), false, 1, 0)
            """);

    private static async Task AssertRefusedAsync(Func<Task> write)
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(write);
        var postgres = exception as PostgresException ?? exception.InnerException as PostgresException;
        Assert.True(postgres is not null, $"Expected a refusal by PostgreSQL, got: {exception}");
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, postgres.SqlState);
        Assert.Contains("row-level security", postgres.MessageText, StringComparison.Ordinal);
    }

    private async Task<TenantInfo> TenantAsync(string slug) =>
        await App.Services.GetRequiredService<ITenantCatalog>().FindBySlugAsync(slug)
        ?? throw new InvalidOperationException($"No tenant '{slug}'.");

    private async Task<Dictionary<Guid, int>> CountByTenantAsync(string sql) =>
        (await SuperuserQueryAsync(sql, r => (Tenant: r.GetGuid(0), Count: r.GetInt32(1)))).ToDictionary(x => x.Tenant, x => x.Count);

    /// <summary>The server's superuser on the app's database: the whole truth, for comparison.</summary>
    private async Task<List<T>> SuperuserQueryAsync<T>(string sql, Func<DbDataReader, T> read)
    {
        await using var connection = App.OpenConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
