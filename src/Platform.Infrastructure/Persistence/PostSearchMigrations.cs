using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// The full-text index of the posts (ADR-010), outside the EF model: on PostgreSQL a stored generated tsvector column
/// with a GIN index, on SQLite an external-content FTS5 table kept in sync by triggers.
/// </summary>
/// <remarks>
/// On SQLite, a later migration that rebuilds the Posts table (EF does so for some column changes) drops the triggers
/// and changes rowids: it must call <see cref="CreateSqliteIndex"/> again afterwards (after <see cref="DropSqliteIndex"/>).
/// The search tests fail while the triggers are missing.
/// </remarks>
public static class PostSearchMigrations
{
    public const string SqliteTable = "PostSearch";

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
}
