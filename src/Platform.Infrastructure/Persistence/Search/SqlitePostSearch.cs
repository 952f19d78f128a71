using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Posts;

namespace Platform.Infrastructure.Persistence.Search;

/// <summary>
/// SQLite FTS5 (ADR-010): the external-content table <c>PostSearch</c> over Posts (title, summary, body), kept in sync
/// by triggers, with the unicode61 tokenizer folding case and diacritics. FTS5 has no German stemmer, so every term is
/// matched as a prefix after a light suffix strip ("Wohnungen" → "Wohnung*", "Bewerbung" → "Bewerbung*"), ordered
/// by bm25 with the title weighted above summary and body.
/// </summary>
public sealed class SqlitePostSearch(PlatformDbContext db, ICurrentTenant tenant) : IPostSearch
{
    private static readonly string Start = SearchHighlight.StartMarker.ToString();
    private static readonly string End = SearchHighlight.EndMarker.ToString();

    public async Task<PostSearchResult> SearchAsync(IReadOnlyList<string> terms, int skip, int take, CancellationToken cancellationToken)
    {
        // Each term is quoted (letters and digits only, see SearchTerms), so FTS5 reads none of it as an operator.
        var match = string.Join(" ", terms.Select(t => $"\"{GermanPrefix(t)}\"*"));
        var tenantId = tenant.RequiredId;
        var published = (int)PostStatus.Published;

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var total = await db.Database.SqlQuery<int>($"""
                SELECT count(*) AS "Value" FROM "PostSearch" s JOIN "Posts" p ON p.rowid = s.rowid
                WHERE "PostSearch" MATCH {match} AND p."TenantId" = {tenantId} AND p."Status" = {published}
                """).SingleAsync(cancellationToken);
            if (total == 0)
            {
                return new PostSearchResult(0, []);
            }

            var rows = await db.Database.SqlQuery<Row>($"""
                SELECT p."Id", p."Topics", p."PublishedAt",
                       highlight("PostSearch", 0, {Start}, {End}) AS "MarkedTitle",
                       snippet("PostSearch", -1, {Start}, {End}, '…', 24) AS "MarkedSnippet"
                FROM "PostSearch" s JOIN "Posts" p ON p.rowid = s.rowid
                WHERE "PostSearch" MATCH {match} AND p."TenantId" = {tenantId} AND p."Status" = {published}
                ORDER BY bm25("PostSearch", 10.0, 4.0, 1.0), p."PublishedAt" DESC, p."Id"
                LIMIT {take} OFFSET {skip}
                """).ToListAsync(cancellationToken);
            return new PostSearchResult(total, [.. rows.Select(r => r.ToResult())]);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Strips one common German inflection ending from longer words so that the prefix also finds the other forms:
    /// Wohnungen → Wohnung, Kosten → Kost, Anträge → Anträg. Short words stay as they are.
    /// </summary>
    public static string GermanPrefix(string term)
    {
        foreach (var ending in (string[])["ungen", "en", "er", "es", "e", "n", "s"])
        {
            if (term.Length - ending.Length >= 4 && term.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return ending == "ungen" ? term[..^2] : term[..^ending.Length];
            }
        }

        return term;
    }

    private sealed record Row(Guid Id, int Topics, DateTime PublishedAt, string MarkedTitle, string MarkedSnippet)
    {
        public PostSearchRow ToResult() =>
            new(Id, MarkedTitle, MarkedSnippet, (Topics)Topics, DateTime.SpecifyKind(PublishedAt, DateTimeKind.Utc));
    }
}
