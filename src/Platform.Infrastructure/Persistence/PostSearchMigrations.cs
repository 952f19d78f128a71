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

    /// <summary>PostgreSQL: a vector in a tenant's lexemes (<see cref="UsePostgreSqlTenantLexemes"/>).</summary>
    public const string PostgreSqlTenantLexemesFunction = "tenant_search_lexemes";

    /// <summary>PostgreSQL: a query in the lexemes of the connection's tenant (<see cref="UsePostgreSqlTenantLexemes"/>).</summary>
    public const string PostgreSqlTenantQueryFunction = "tenant_search_query";

    /// <summary>The GIN index over the tenants' lexemes.</summary>
    public const string PostgreSqlLexemeIndex = $"IX_{PostgreSqlIndexTable}_SearchVector";

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
            {{CompositeIndexSearchStatement}}
            $$;
            CREATE FUNCTION {{PostgreSqlCountFunction}}(query tsquery, cap integer) RETURNS integer
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
            {{CompositeIndexCountStatement}}
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
    /// The body of <see cref="PostgreSqlSearchFunction"/> (PL/pgSQL since PostSearchRankNewest, so that a connection
    /// plans it once, not on every call as an SQL function's body): the tenant's newest <see cref="RankedMatches"/>
    /// matches, ranked, one page of them, each row with the number of all matches (the sort reads every match anyway,
    /// so the count costs no second index scan). Only the newest matches are ranked: they are picked on narrow rows
    /// (the window then stays in memory; with the vectors it spilled to disk) and their vectors read again by their
    /// row's address (<c>ctid</c>, the same row version within the statement), so <c>ts_rank</c> runs 1,000 times
    /// however many posts match. The tenant's id is read once (a sub-select), not once per match (its text parsed
    /// into a uuid took 8 % of a common word's time). <c>$1</c> is the query, put in the tenant's lexemes once
    /// (<see cref="PostgreSqlTenantQueryFunction"/>, as a sub-select the index scan takes as its condition), <c>$2</c>
    /// skip, <c>$3</c> take. Public so that a test can ask the planner how it runs.
    /// </summary>
    public static readonly string PostgreSqlSearchStatement = $"""
        SELECT m."PostId", ts_rank(v."SearchVector", (SELECT {PostgreSqlTenantQueryFunction}($1))) AS rank, m."PublishedAt", m.total
        FROM (SELECT x.tid, x."PostId", x."PublishedAt", count(*) OVER ()::integer AS total
              FROM (SELECT s.ctid AS tid, s."PostId", s."PublishedAt"
                    FROM public."{PostgreSqlIndexTable}" s
                    WHERE s."TenantId" = {ConnectionTenant}
                      AND s."SearchVector" @@ (SELECT {PostgreSqlTenantQueryFunction}($1))
                    OFFSET 0) x
              ORDER BY x."PublishedAt" DESC NULLS LAST, x."PostId" DESC LIMIT {RankedMatches}) m
        JOIN public."{PostgreSqlIndexTable}" v ON v.ctid = m.tid
        ORDER BY rank DESC, m."PublishedAt" DESC NULLS LAST, m."PostId" DESC
        LIMIT $3 OFFSET $2
        """;

    /// <summary>The body of <see cref="PostgreSqlCountFunction"/>: the tenant's matches, counted up to <c>$2</c>.</summary>
    public static readonly string PostgreSqlCountStatement = $"""
        SELECT count(*)::integer FROM (SELECT 1 FROM public."{PostgreSqlIndexTable}" s
              WHERE s."TenantId" = {ConnectionTenant}
                AND s."SearchVector" @@ (SELECT {PostgreSqlTenantQueryFunction}($1))
              LIMIT $2) m
        """;

    /// <summary>The connection's tenant, read once per statement (as a sub-select, not once per row).</summary>
    private const string ConnectionTenant = $"(SELECT {PostgreSqlRowLevelSecurity.CurrentTenant})";

    /// <summary>
    /// The body of <see cref="PostgreSqlSearchFunction"/> as the migration PostSearchTenantLexemes wrote it (an SQL
    /// function that ranked every match).
    /// </summary>
    private static readonly string TenantLexemesSearchStatement = $"""
        SELECT m."PostId", m.rank, m."PublishedAt", m.total
        FROM (SELECT x."PostId", x.rank, x."PublishedAt", count(*) OVER ()::integer AS total
              FROM (SELECT s."PostId", ts_rank(s."SearchVector", (SELECT {PostgreSqlTenantQueryFunction}($1))) AS rank, s."PublishedAt"
                    FROM public."{PostgreSqlIndexTable}" s
                    WHERE s."TenantId" = NULLIF(current_setting('{PostgreSqlRowLevelSecurity.TenantSetting}', true), '')::uuid
                      AND s."SearchVector" @@ (SELECT {PostgreSqlTenantQueryFunction}($1))
                    OFFSET 0) x
              ORDER BY x."PublishedAt" DESC NULLS LAST, x."PostId" DESC LIMIT {RankedMatches}) m
        ORDER BY m.rank DESC, m."PublishedAt" DESC NULLS LAST, m."PostId" DESC
        LIMIT $3 OFFSET $2
        """;

    /// <summary>The body of <see cref="PostgreSqlCountFunction"/> as the migration PostSearchTenantLexemes wrote it.</summary>
    private static readonly string TenantLexemesCountStatement = $"""
        SELECT count(*)::integer FROM (SELECT 1 FROM public."{PostgreSqlIndexTable}" s
              WHERE s."TenantId" = NULLIF(current_setting('{PostgreSqlRowLevelSecurity.TenantSetting}', true), '')::uuid
                AND s."SearchVector" @@ (SELECT {PostgreSqlTenantQueryFunction}($1))
              LIMIT $2) m
        """;

    /// <summary>
    /// The body of <see cref="PostgreSqlSearchFunction"/> as the migration PostSearchTenantFirst wrote it (with the
    /// composite index; replaced by <see cref="PostgreSqlSearchStatement"/> in PostSearchTenantLexemes).
    /// </summary>
    private static readonly string CompositeIndexSearchStatement = $"""
        SELECT m."PostId", ts_rank(m."SearchVector", $1) AS rank, m."PublishedAt", m.total
        FROM (SELECT s."PostId", s."SearchVector", s."PublishedAt", count(*) OVER ()::integer AS total FROM public."{PostgreSqlIndexTable}" s
              WHERE s."TenantId" = NULLIF(current_setting('{PostgreSqlRowLevelSecurity.TenantSetting}', true), '')::uuid AND s."SearchVector" @@ $1
              ORDER BY s."PublishedAt" DESC NULLS LAST, s."PostId" DESC LIMIT {RankedMatches}) m
        ORDER BY rank DESC, m."PublishedAt" DESC NULLS LAST, m."PostId" DESC
        LIMIT $3 OFFSET $2
        """;

    /// <summary>The body of <see cref="PostgreSqlCountFunction"/> as the migration PostSearchTenantFirst wrote it.</summary>
    private const string CompositeIndexCountStatement = $"""
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
        ReplacePostgreSqlSync(migrationBuilder, VectorWithTranslations, TranslationColumns);

    public static void UnindexPostgreSqlTranslations(MigrationBuilder migrationBuilder) =>
        ReplacePostgreSqlSync(migrationBuilder, Vector, """ "Title", "Summary", "BodyMarkdown", "Status", "PublishedAt" """.Trim());

    /// <summary>
    /// Issue 13, measured at 100,000 posts: the composite (tenant, vector) GIN index still read every tenant's entries of
    /// a word. Its tenant key and each lexeme are separate keys whose posting lists are intersected, and a prefix term
    /// (<c>bewerb:*</c>) collects the postings of all tenants' matching lexemes first, so a common word cost what all
    /// jobcenters together hold. Now every lexeme in the index carries its tenant: <c>'bewerbung'</c> of the tenant
    /// <c>…c70fed31</c> is stored as <c>'c70fed31_bewerbung'</c> (the last 8 hex digits of the tenant's id, the random
    /// part of a version 7 id), and the search functions rewrite the query the same way
    /// (<see cref="PostgreSqlTenantQueryFunction"/>), so the index itself keeps each tenant's words apart and a lookup reads only the tenant's entries. Positions and
    /// weights are kept, so <c>ts_rank</c> ranks as before; the headlines are made from the post's text with the plain
    /// query. Two tenants whose ids end alike would only share index entries: every function still filters by the
    /// tenant's id. The rewrite works on the text form (a lexeme starts at the start or after a space, in a query also
    /// after <c>(</c> or <c>!</c>; a quote inside a lexeme is doubled and never follows one of those). The index has no
    /// pending list (<c>fastupdate = off</c>): with one, every search read all entries written since the last vacuum
    /// (up to 4 MB), in a test 418 pages for a word the tenant does not have; a publication writes the index at once
    /// instead, which costs a post's save a little and no reader anything. The vectors are stored uncompressed in the
    /// row up to 8 KB (storage EXTERNAL, <c>toast_tuple_target</c> 8160): with the prefixes a vector is ~2.4 KB, above
    /// the default 2 KB at which PostgreSQL compresses it, and decompressing every match doubled a common word's cost
    /// (22 → 8.6 ms per statement at 10 × 10,000 posts; the table grows from 186 to 304 MB there).
    /// </summary>
    public static void UsePostgreSqlTenantLexemes(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($$"""
            CREATE FUNCTION {{PostgreSqlTenantLexemesFunction}}(tenant uuid, vector tsvector) RETURNS tsvector
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog AS $$
                SELECT regexp_replace(vector::text, '(^| )''', '\1''' || {{TenantCode("tenant::text")}} || '_', 'g')::tsvector
            $$;
            CREATE FUNCTION {{PostgreSqlTenantQueryFunction}}(query tsquery) RETURNS tsquery
            LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog AS $$
                SELECT regexp_replace(query::text, '(^|[ (!])''', '\1''' || {{TenantCode($"coalesce(NULLIF(current_setting('{PostgreSqlRowLevelSecurity.TenantSetting}', true), ''), '-')")}} || '_', 'g')::tsquery
            $$;
            REVOKE ALL ON FUNCTION {{PostgreSqlTenantLexemesFunction}}(uuid, tsvector) FROM PUBLIC;
            REVOKE ALL ON FUNCTION {{PostgreSqlTenantQueryFunction}}(tsquery) FROM PUBLIC;
            """);
        ReplacePostgreSqlSync(migrationBuilder, row => $"""{PostgreSqlTenantLexemesFunction}({row}"TenantId", {VectorWithTranslations(row)})""", TranslationColumns, refill: false);
        migrationBuilder.Sql($$"""
            DROP INDEX IF EXISTS "IX_{{PostgreSqlIndexTable}}_TenantId_SearchVector";
            ALTER TABLE "{{PostgreSqlIndexTable}}" ALTER COLUMN "SearchVector" SET STORAGE EXTERNAL;
            ALTER TABLE "{{PostgreSqlIndexTable}}" SET (toast_tuple_target = 8160);
            UPDATE public."{{PostgreSqlIndexTable}}" SET "SearchVector" = {{PostgreSqlTenantLexemesFunction}}("TenantId", "SearchVector");
            CREATE INDEX "{{PostgreSqlLexemeIndex}}" ON "{{PostgreSqlIndexTable}}" USING GIN ("SearchVector") WITH (fastupdate = off);
            {{ReplaceSearchFunctions(TenantLexemesSearchStatement, TenantLexemesCountStatement)}}
            """);
    }

    public static void UnusePostgreSqlTenantLexemes(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($$"""
            {{ReplaceSearchFunctions(CompositeIndexSearchStatement, CompositeIndexCountStatement)}}
            DROP INDEX IF EXISTS "{{PostgreSqlLexemeIndex}}";
            ALTER TABLE "{{PostgreSqlIndexTable}}" ALTER COLUMN "SearchVector" SET STORAGE EXTENDED;
            ALTER TABLE "{{PostgreSqlIndexTable}}" RESET (toast_tuple_target);
            """);
        ReplacePostgreSqlSync(migrationBuilder, VectorWithTranslations, TranslationColumns, refill: false);
        migrationBuilder.Sql($$"""
            UPDATE public."{{PostgreSqlIndexTable}}" SET "SearchVector" =
                regexp_replace("SearchVector"::text, '(^| )''' || {{TenantCode("\"TenantId\"::text")}} || '_', '\1''', 'g')::tsvector;
            CREATE INDEX "IX_{{PostgreSqlIndexTable}}_TenantId_SearchVector" ON "{{PostgreSqlIndexTable}}" USING GIN ("TenantId", "SearchVector");
            DROP FUNCTION IF EXISTS {{PostgreSqlTenantQueryFunction}}(tsquery);
            DROP FUNCTION IF EXISTS {{PostgreSqlTenantLexemesFunction}}(uuid, tsvector);
            """);
    }

    /// <summary>
    /// Issue 13, measured at 1 M posts: a common word ranked all of the tenant's matches (3,464 for "Bewerbung") to
    /// keep the newest 1,000, parsed the tenant's id once per match and planned the function's body on every call. The
    /// search now ranks only the newest matches (<see cref="PostgreSqlSearchStatement"/>), reads the tenant once, and
    /// both functions are PL/pgSQL, whose plans a connection keeps (7.6 → 5.5 ms per call at 1 M posts).
    /// </summary>
    public static void RankNewestPostgreSqlMatches(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(ReplaceSearchFunctions(PostgreSqlSearchStatement, PostgreSqlCountStatement, plpgsql: true));

    public static void UnrankNewestPostgreSqlMatches(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(ReplaceSearchFunctions(TenantLexemesSearchStatement, TenantLexemesCountStatement));

    /// <summary>
    /// The search and count functions with the bodies <paramref name="search"/> and <paramref name="count"/>, as SQL
    /// functions or (<paramref name="plpgsql"/>) as PL/pgSQL ones, which take the positional parameters alike.
    /// </summary>
    private static string ReplaceSearchFunctions(string search, string count, bool plpgsql = false) => $$"""
        CREATE OR REPLACE FUNCTION {{PostgreSqlSearchFunction}}(query tsquery, skip integer, take integer)
        RETURNS TABLE ("Id" uuid, "Rank" real, "PublishedAt" timestamp with time zone, "Total" integer)
        LANGUAGE {{(plpgsql ? "plpgsql" : "sql")}} STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        {{(plpgsql ? $"BEGIN RETURN QUERY {search}; END" : search)}}
        $$;
        CREATE OR REPLACE FUNCTION {{PostgreSqlCountFunction}}(query tsquery, cap integer) RETURNS integer
        LANGUAGE {{(plpgsql ? "plpgsql" : "sql")}} STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        {{(plpgsql ? $"BEGIN RETURN ({count}); END" : count)}}
        $$;
        """;

    /// <summary>The 8 hex digits a tenant's lexemes start with, of the tenant id's text <paramref name="tenantText"/>.</summary>
    private static string TenantCode(string tenantText) => $"right(replace({tenantText}, '-', ''), 8)";

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

    /// <summary>The columns of Posts whose change the index follows since issue 14.</summary>
    private const string TranslationColumns = """ "Title", "Summary", "BodyMarkdown", "TranslatedText", "Status", "PublishedAt" """;

    private static void ReplacePostgreSqlSync(MigrationBuilder migrationBuilder, Func<string, string> vector, string columns, bool refill = true)
    {
        migrationBuilder.Sql($$"""
            {{SyncFunction(vector)}}
            DROP TRIGGER IF EXISTS "Posts_search_sync" ON "Posts";
            CREATE TRIGGER "Posts_search_sync" AFTER INSERT OR UPDATE OF {{columns.Trim()}}
                ON "Posts" FOR EACH ROW EXECUTE FUNCTION "{{PostgreSqlIndexTable}}_sync"();
            """);
        if (refill)
        {
            migrationBuilder.Sql($$"""
                UPDATE "{{PostgreSqlIndexTable}}" s SET "SearchVector" = {{vector("p.")}}
                FROM "Posts" p WHERE p."Id" = s."PostId";
                """);
        }
    }
}
