using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Application.Posts;
using Platform.Domain.Posts;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// The full-text index of the posts (ADR-010), outside the EF model: on PostgreSQL a stored generated tsvector column
/// with a GIN index, on SQLite an external-content FTS5 table kept in sync by triggers.
/// </summary>
/// <remarks>
/// On SQLite, a later migration that rebuilds the Posts table (EF does so for some column changes) drops the triggers
/// and changes rowids: it must call <see cref="CreateSqliteIndex"/> again afterwards (after <see cref="DropSqliteIndex"/>).
/// The search tests fail while the triggers are missing. (Since issue 13 the per-tenant tables of
/// <see cref="Search.SqliteTenantSearchIndex"/> replace the shared one, with triggers of their own that the start of the
/// platform creates again if a rebuild of Posts dropped them.)
/// </remarks>
public static class PostSearchMigrations
{
    /// <summary>The shared FTS5 table of the first search migration; since issue 13 one table per tenant (<see cref="Search.SqliteTenantSearchIndex"/>).</summary>
    public const string SqliteTable = "PostSearch";

    /// <summary>PostgreSQL: the tenant-first index table (<see cref="CreatePostgreSqlTenantIndex"/>).</summary>
    public const string PostgreSqlIndexTable = "PostSearchIndex";

    public const string PostgreSqlSearchFunction = "search_published_posts";

    public const string PostgreSqlCountFunction = "count_published_posts_matching";

    private const int RankedMatches = SearchPostsQuery.RankedMatches;

    public static void CreatePostgreSqlIndex(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE "Posts" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('german', coalesce("Title", '')), 'A') ||
                setweight(to_tsvector('german', coalesce("Summary", '')), 'B') ||
                setweight(to_tsvector('german', coalesce("BodyMarkdown", '')), 'C')) STORED;
            """);
        migrationBuilder.Sql("""CREATE INDEX "IX_Posts_SearchVector" ON "Posts" USING GIN ("SearchVector");""");
    }

    public static void DropPostgreSqlIndex(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Posts_SearchVector";""");
        migrationBuilder.Sql("""ALTER TABLE "Posts" DROP COLUMN IF EXISTS "SearchVector";""");
    }

    public static void CreateSqliteIndex(MigrationBuilder migrationBuilder)
    {
        // unicode61 folds case and (with remove_diacritics 2) umlauts and accents: "Ubergang" finds "Übergang".
        migrationBuilder.Sql($"""
            CREATE VIRTUAL TABLE "{SqliteTable}" USING fts5(
                "Title", "Summary", "BodyMarkdown", content='Posts', tokenize='unicode61 remove_diacritics 2');
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "Posts_search_insert" AFTER INSERT ON "Posts" BEGIN
                INSERT INTO "{SqliteTable}"(rowid, "Title", "Summary", "BodyMarkdown") VALUES (new.rowid, new."Title", new."Summary", new."BodyMarkdown");
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "Posts_search_delete" AFTER DELETE ON "Posts" BEGIN
                INSERT INTO "{SqliteTable}"("{SqliteTable}", rowid, "Title", "Summary", "BodyMarkdown") VALUES ('delete', old.rowid, old."Title", old."Summary", old."BodyMarkdown");
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "Posts_search_update" AFTER UPDATE OF "Title", "Summary", "BodyMarkdown" ON "Posts" BEGIN
                INSERT INTO "{SqliteTable}"("{SqliteTable}", rowid, "Title", "Summary", "BodyMarkdown") VALUES ('delete', old.rowid, old."Title", old."Summary", old."BodyMarkdown");
                INSERT INTO "{SqliteTable}"(rowid, "Title", "Summary", "BodyMarkdown") VALUES (new.rowid, new."Title", new."Summary", new."BodyMarkdown");
            END;
            """);
        migrationBuilder.Sql($"""INSERT INTO "{SqliteTable}"("{SqliteTable}") VALUES ('rebuild');""");
    }

    public static void DropSqliteIndex(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Posts_search_update";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Posts_search_delete";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Posts_search_insert";""");
        migrationBuilder.Sql($"""DROP TABLE IF EXISTS "{SqliteTable}";""");
    }

    /// <summary>
    /// Search is tenant-first (issue 13): the full-text index of the published posts lives in <c>PostSearchIndex</c>,
    /// one row per published post with its tenant, and the composite GIN index over (tenant, vector) (btree_gin) finds a
    /// tenant's matches without touching other tenants' entries. The table has row-level security without FORCE and the
    /// platform's role has no privileges on it: it is read only through <see cref="PostgreSqlSearchFunction"/> and
    /// <see cref="PostgreSqlCountFunction"/>, security-definer functions owned by the schema's owner that always filter
    /// by the connection's tenant (<c>app.tenant_id</c>), so the planner may use the index (under a forced policy the
    /// <c>@@</c> match is not leakproof and would only be applied after the policy, to every row of the tenant).
    /// A trigger on Posts keeps the table in step, in the same transaction as the write.
    /// </summary>
    public static void CreatePostgreSqlTenantIndex(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gin;");
        migrationBuilder.Sql($"""
            CREATE TABLE "{PostgreSqlIndexTable}" (
                "PostId" uuid PRIMARY KEY REFERENCES "Posts" ("Id") ON DELETE CASCADE,
                "TenantId" uuid NOT NULL,
                "PublishedAt" timestamp with time zone,
                "SearchVector" tsvector NOT NULL);
            CREATE INDEX "IX_{PostgreSqlIndexTable}_TenantId_SearchVector" ON "{PostgreSqlIndexTable}" USING GIN ("TenantId", "SearchVector");
            ALTER TABLE "{PostgreSqlIndexTable}" ENABLE ROW LEVEL SECURITY;
            CREATE POLICY {PostgreSqlRowLevelSecurity.PolicyName} ON "{PostgreSqlIndexTable}"
                USING ("TenantId" = NULLIF(current_setting('{PostgreSqlRowLevelSecurity.TenantSetting}', true), '')::uuid);
            REVOKE ALL ON "{PostgreSqlIndexTable}" FROM PUBLIC, {PostgreSqlRowLevelSecurity.AppRole};
            """);
        migrationBuilder.Sql($$"""
            {{SyncFunction(Vector)}}
            REVOKE ALL ON FUNCTION "{{PostgreSqlIndexTable}}_sync"() FROM PUBLIC;
            CREATE TRIGGER "Posts_search_sync" AFTER INSERT OR UPDATE OF "Title", "Summary", "BodyMarkdown", "Status", "PublishedAt"
                ON "Posts" FOR EACH ROW EXECUTE FUNCTION "{{PostgreSqlIndexTable}}_sync"();
            """);
        migrationBuilder.Sql($"""
            INSERT INTO "{PostgreSqlIndexTable}" ("PostId", "TenantId", "PublishedAt", "SearchVector")
            SELECT p."Id", p."TenantId", p."PublishedAt", {Vector("p.")} FROM "Posts" p WHERE p."Status" = {(int)PostStatus.Published};
            """);
        migrationBuilder.Sql($$"""
            CREATE FUNCTION {{PostgreSqlSearchFunction}}(query tsquery, skip integer, take integer)
            RETURNS TABLE ("Id" uuid, "Rank" real, "PublishedAt" timestamp with time zone, "Total" integer)
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
            {{PostgreSqlSearchStatement}}
            $$;
            CREATE FUNCTION {{PostgreSqlCountFunction}}(query tsquery, cap integer) RETURNS integer
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
            {{PostgreSqlCountStatement}}
            $$;
            REVOKE ALL ON FUNCTION {{PostgreSqlSearchFunction}}(tsquery, integer, integer) FROM PUBLIC;
            REVOKE ALL ON FUNCTION {{PostgreSqlCountFunction}}(tsquery, integer) FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION {{PostgreSqlSearchFunction}}(tsquery, integer, integer) TO {{PostgreSqlRowLevelSecurity.AppRole}};
            GRANT EXECUTE ON FUNCTION {{PostgreSqlCountFunction}}(tsquery, integer) TO {{PostgreSqlRowLevelSecurity.AppRole}};
            """);
        DropPostgreSqlIndex(migrationBuilder);
    }

    public static void DropPostgreSqlTenantIndex(MigrationBuilder migrationBuilder)
    {
        CreatePostgreSqlIndex(migrationBuilder);
        migrationBuilder.Sql($"""
            DROP FUNCTION IF EXISTS {PostgreSqlSearchFunction}(tsquery, integer, integer);
            DROP FUNCTION IF EXISTS {PostgreSqlCountFunction}(tsquery, integer);
            DROP TRIGGER IF EXISTS "Posts_search_sync" ON "Posts";
            DROP FUNCTION IF EXISTS "{PostgreSqlIndexTable}_sync"();
            DROP TABLE IF EXISTS "{PostgreSqlIndexTable}";
            """);
    }

    /// <summary>
    /// The body of <see cref="PostgreSqlSearchFunction"/>: the tenant's newest <see cref="RankedMatches"/> matches, ranked,
    /// one page of them, each row with the number of all matches (the sort reads every match anyway, so the count costs
    /// no second index scan). Public so that a test can ask the planner how it runs (<c>$1</c> query, <c>$2</c> skip,
    /// <c>$3</c> take).
    /// </summary>
    public static readonly string PostgreSqlSearchStatement = $"""
        SELECT m."PostId", ts_rank(m."SearchVector", $1) AS rank, m."PublishedAt", m.total
        FROM (SELECT s."PostId", s."SearchVector", s."PublishedAt", count(*) OVER ()::integer AS total FROM public."{PostgreSqlIndexTable}" s
              WHERE s."TenantId" = NULLIF(current_setting('{PostgreSqlRowLevelSecurity.TenantSetting}', true), '')::uuid AND s."SearchVector" @@ $1
              ORDER BY s."PublishedAt" DESC NULLS LAST, s."PostId" DESC LIMIT {RankedMatches}) m
        ORDER BY rank DESC, m."PublishedAt" DESC NULLS LAST, m."PostId" DESC
        LIMIT $3 OFFSET $2
        """;

    /// <summary>The body of <see cref="PostgreSqlCountFunction"/>: the tenant's matches, counted up to <c>$2</c>.</summary>
    public const string PostgreSqlCountStatement = $"""
        SELECT count(*)::integer FROM (SELECT 1 FROM public."{PostgreSqlIndexTable}" s
              WHERE s."TenantId" = NULLIF(current_setting('{PostgreSqlRowLevelSecurity.TenantSetting}', true), '')::uuid AND s."SearchVector" @@ $1
              LIMIT $2) m
        """;

    private static string Vector(string row) => $"""
        setweight(to_tsvector('german', coalesce({row}"Title", '')), 'A') ||
        setweight(to_tsvector('german', coalesce({row}"Summary", '')), 'B') ||
        setweight(to_tsvector('german', coalesce({row}"BodyMarkdown", '')), 'C')
        """;

    /// <summary>
    /// With the approved translations (issue 14): their words go in with the 'simple' configuration (lower case, no
    /// stemming; the query is matched both ways, <see cref="Search.PostgreSqlPostSearch"/>) and the lowest weight, so
    /// a match in the post's own language ranks first.
    /// </summary>
    private static string VectorWithTranslations(string row) => Vector(row) + $"""
         ||
        setweight(to_tsvector('simple', coalesce({row}"TranslatedText", '')), 'D')
        """;

    /// <summary>
    /// Issue 14: the search index takes in the texts of a post's approved translations (<c>Posts.TranslatedText</c>):
    /// the sync function and its trigger see the column, and the index is filled again.
    /// </summary>
    public static void IndexPostgreSqlTranslations(MigrationBuilder migrationBuilder) =>
        ReplacePostgreSqlSync(migrationBuilder, VectorWithTranslations, """ "Title", "Summary", "BodyMarkdown", "TranslatedText", "Status", "PublishedAt" """.Trim());

    public static void UnindexPostgreSqlTranslations(MigrationBuilder migrationBuilder) =>
        ReplacePostgreSqlSync(migrationBuilder, Vector, """ "Title", "Summary", "BodyMarkdown", "Status", "PublishedAt" """.Trim());

    /// <summary>The trigger function that keeps the index table in step with a post, its vector made by <paramref name="vector"/>.</summary>
    private static string SyncFunction(Func<string, string> vector) => $$"""
        CREATE OR REPLACE FUNCTION "{{PostgreSqlIndexTable}}_sync"() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        BEGIN
            IF NEW."Status" = {{(int)PostStatus.Published}} THEN
                INSERT INTO public."{{PostgreSqlIndexTable}}" ("PostId", "TenantId", "PublishedAt", "SearchVector")
                VALUES (NEW."Id", NEW."TenantId", NEW."PublishedAt", {{vector("NEW.")}})
                ON CONFLICT ("PostId") DO UPDATE
                    SET "PublishedAt" = EXCLUDED."PublishedAt", "SearchVector" = EXCLUDED."SearchVector";
            ELSIF TG_OP = 'UPDATE' THEN
                DELETE FROM public."{{PostgreSqlIndexTable}}" WHERE "PostId" = NEW."Id";
            END IF;
            RETURN NULL;
        END
        $$;
        """;

    private static void ReplacePostgreSqlSync(MigrationBuilder migrationBuilder, Func<string, string> vector, string columns)
    {
        migrationBuilder.Sql($$"""
            {{SyncFunction(vector)}}
            DROP TRIGGER IF EXISTS "Posts_search_sync" ON "Posts";
            CREATE TRIGGER "Posts_search_sync" AFTER INSERT OR UPDATE OF {{columns}}
                ON "Posts" FOR EACH ROW EXECUTE FUNCTION "{{PostgreSqlIndexTable}}_sync"();
            UPDATE "{{PostgreSqlIndexTable}}" s SET "SearchVector" = {{vector("p.")}}
            FROM "Posts" p WHERE p."Id" = s."PostId";
            """);
    }
}
