using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Platform.Domain.Posts;

namespace Platform.Infrastructure.Persistence.Search;

/// <summary>
/// SQLite's search is tenant-first (ADR-010, issue 13): each tenant has an FTS5 table of its own,
/// <c>PostSearch_{tenant id}</c>, over its published posts only (external content: the texts stay in Posts), kept in
/// step by three triggers on Posts that fire for that tenant's rows. Besides the post's own texts it indexes
/// <c>TranslatedText</c>, the approved translations (issue 14), with the lowest weight. A shared table would find a common word's matches
/// of every tenant first (FTS5 merges a prefix's whole doclist before any filter), so a search would cost what all
/// tenants together hold. The tables are made when the platform starts (<see cref="SynchronizeAsync"/>, which also drops
/// those of tenants that no longer exist) and, for a tenant onboarded since, on its first search
/// (<see cref="EnsureAsync"/>); making one fills it from Posts in the same transaction, so no post is missed.
/// </summary>
public sealed class SqliteTenantSearchIndex
{
    private const string Prefix = "PostSearch_";

    private readonly ConcurrentDictionary<Guid, bool> _known = new();

    /// <summary>The tenant's FTS5 table: <c>PostSearch_</c> and the tenant id's 32 hex digits (no quoting needed).</summary>
    public static string TableName(Guid tenantId) => Prefix + tenantId.ToString("N", CultureInfo.InvariantCulture);

    /// <summary>Makes the tenant's table if this process has not seen it yet.</summary>
    public async Task EnsureAsync(PlatformDbContext db, Guid tenantId, CancellationToken cancellationToken)
    {
        if (_known.ContainsKey(tenantId))
        {
            return;
        }

        await CreateAsync(db, tenantId, cancellationToken);
        _known[tenantId] = true;
    }

    /// <summary>Makes the tables of every tenant that lacks one and drops those of tenants that are gone.</summary>
    public async Task SynchronizeAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var tenants = await db.Tenants.IgnoreQueryFilters().Select(t => t.Id).ToListAsync(cancellationToken);
        var wanted = tenants.Select(TableName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var existing = await TablesAsync(db, cancellationToken);
        foreach (var stale in existing.Where(t => !wanted.Contains(t)))
        {
            await DropAsync(db, stale, cancellationToken);
        }

        foreach (var tenant in tenants)
        {
            await CreateAsync(db, tenant, cancellationToken);
            _known[tenant] = true;
        }
    }

    /// <summary>The names of the per-tenant tables in the database (for test resets, which must leave them alone).</summary>
    public static async Task<List<string>> TablesAsync(PlatformDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<string>($"""
            SELECT name AS "Value" FROM sqlite_master
            WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' AND name LIKE {Prefix + "%"}
            """).ToListAsync(cancellationToken);

    private static async Task CreateAsync(PlatformDbContext db, Guid tenantId, CancellationToken cancellationToken)
    {
        var table = TableName(tenantId);
        var objects = await db.Database.SqlQuery<int>($"""
            SELECT count(*) AS "Value" FROM sqlite_master
            WHERE name IN ({table}, {table + "_insert"}, {table + "_delete"}, {table + "_update"})
            """).SingleAsync(cancellationToken);
        // A table from before issue 14 lacks the column of the translations: it is made again, with them.
        var current = objects == 4 && await db.Database.SqlQuery<int>($"""
            SELECT count(*) AS "Value" FROM sqlite_master WHERE name = {table} AND sql LIKE '%TranslatedText%'
            """).SingleAsync(cancellationToken) == 1;
        if (current)
        {
            return;
        }

        if (objects > 0)
        {
            // A migration that rebuilt Posts dropped the triggers (and may have renumbered the rowids), or the table
            // is of an older shape: start afresh.
            await DropAsync(db, table, cancellationToken);
        }

        // EF Core stores a Guid in SQLite as upper-case text; the triggers compare with upper() all the same.
        var tenant = tenantId.ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant();
        var published = (int)PostStatus.Published;
        var columns = """ "Title", "Summary", "BodyMarkdown", "TranslatedText" """.Trim();
        var newValues = """new."Title", new."Summary", new."BodyMarkdown", new."TranslatedText" """.Trim();
        var oldValues = """old."Title", old."Summary", old."BodyMarkdown", old."TranslatedText" """.Trim();

        // One transaction: another node's write of a post either comes before (the fill copies it) or after (the
        // trigger indexes it). CREATE ... IF NOT EXISTS makes a second node's attempt a no-op.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
#pragma warning disable EF1002 // The identifiers are made here from a Guid (hex digits only); no user input.
        await db.Database.ExecuteSqlRawAsync($"""
            CREATE VIRTUAL TABLE IF NOT EXISTS "{table}" USING fts5(
                {columns}, content='Posts', tokenize='unicode61 remove_diacritics 2');
            """, cancellationToken);
        var created = await db.Database.SqlQueryRaw<int>($"""SELECT count(*) AS "Value" FROM "{table}_docsize" """).SingleAsync(cancellationToken) == 0;
        await db.Database.ExecuteSqlRawAsync($"""
            CREATE TRIGGER IF NOT EXISTS "{table}_insert" AFTER INSERT ON "Posts"
            WHEN upper(new."TenantId") = '{tenant}' AND new."Status" = {published} BEGIN
                INSERT INTO "{table}"(rowid, {columns}) VALUES (new.rowid, {newValues});
            END;
            CREATE TRIGGER IF NOT EXISTS "{table}_delete" AFTER DELETE ON "Posts"
            WHEN upper(old."TenantId") = '{tenant}' AND old."Status" = {published} BEGIN
                INSERT INTO "{table}"("{table}", rowid, {columns}) VALUES ('delete', old.rowid, {oldValues});
            END;
            CREATE TRIGGER IF NOT EXISTS "{table}_update" AFTER UPDATE OF "Title", "Summary", "BodyMarkdown", "TranslatedText", "Status" ON "Posts"
            WHEN upper(new."TenantId") = '{tenant}' BEGIN
                INSERT INTO "{table}"("{table}", rowid, {columns}) SELECT 'delete', old.rowid, {oldValues} WHERE old."Status" = {published};
                INSERT INTO "{table}"(rowid, {columns}) SELECT new.rowid, {newValues} WHERE new."Status" = {published};
            END;
            """, cancellationToken);
        if (created)
        {
            await db.Database.ExecuteSqlRawAsync($$"""
                INSERT INTO "{{table}}"(rowid, {{columns}})
                SELECT rowid, {{columns}} FROM "Posts" WHERE "TenantId" = {0} AND "Status" = {{published}};
                """, [tenantId], cancellationToken);
        }
#pragma warning restore EF1002
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task DropAsync(PlatformDbContext db, string table, CancellationToken cancellationToken)
    {
#pragma warning disable EF1002 // A name read from sqlite_master that matched the prefix; quoted.
        var quoted = table.Replace("\"", "\"\"", StringComparison.Ordinal);
        await db.Database.ExecuteSqlRawAsync($"""
            DROP TRIGGER IF EXISTS "{quoted}_insert";
            DROP TRIGGER IF EXISTS "{quoted}_delete";
            DROP TRIGGER IF EXISTS "{quoted}_update";
            DROP TABLE IF EXISTS "{quoted}";
            """, cancellationToken);
#pragma warning restore EF1002
    }
}
