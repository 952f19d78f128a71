using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Posts;

namespace Platform.Infrastructure.Persistence.Search;

/// <summary>
/// SQLite FTS5 (ADR-010): the tenant's own external-content table over its published posts (title, summary, body;
/// <see cref="SqliteTenantSearchIndex"/>), with the unicode61 tokenizer folding case and diacritics. FTS5 has no German
/// stemmer, so every term is matched as a prefix after a light suffix strip ("Wohnungen" → "Wohnung*", "Bewerbung" →
/// "Bewerbung*"). The tenant's newest <see cref="SearchPostsQuery.RankedMatches"/> matches are ordered by bm25 with the
/// title weighted above summary and body; the count stops one above that.
/// </summary>
public sealed class SqlitePostSearch(PlatformDbContext db, ICurrentTenant tenant, SqliteTenantSearchIndex index) : IPostSearch
{
    private static readonly string Start = SearchHighlight.StartMarker.ToString();
    private static readonly string End = SearchHighlight.EndMarker.ToString();

    public async Task<PostSearchResult> SearchAsync(IReadOnlyList<string> terms, int skip, int take, CancellationToken cancellationToken)
    {
        // Each term is quoted (letters and digits only, see SearchTerms), so FTS5 reads none of it as an operator.
        var match = string.Join(" ", terms.Select(t => $"\"{GermanPrefix(t)}\"*"));
        var tenantId = tenant.RequiredId;
        var table = SqliteTenantSearchIndex.TableName(tenantId);
        var counted = SearchPostsQuery.RankedMatches + 1;
        var ranked = SearchPostsQuery.RankedMatches;

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await index.EnsureAsync(db, tenantId, cancellationToken);
#pragma warning disable EF1002 // The table name is made from the tenant's Guid (hex digits only); the match is a parameter.
            var total = await db.Database.SqlQueryRaw<int>($$"""
                SELECT count(*) AS "Value" FROM (SELECT 1 FROM "{{table}}" WHERE "{{table}}" MATCH {0} ORDER BY rowid DESC LIMIT {{counted}})
                """, match).SingleAsync(cancellationToken);
            if (total == 0)
            {
                return new PostSearchResult(0, []);
            }

            // Ranked among the newest matches and cut to the page first; highlight and snippet only for the rows shown.
            var rows = await db.Database.SqlQueryRaw<Row>($$"""
                WITH ranked AS (
                    SELECT rowid AS r, bm25("{{table}}", 10.0, 4.0, 1.0, 0.5) AS b FROM "{{table}}" WHERE "{{table}}" MATCH {0}
                    ORDER BY rowid DESC LIMIT {{ranked}}),
                page AS (SELECT r, b FROM ranked ORDER BY b, r DESC LIMIT {1} OFFSET {2})
                SELECT p."Id", p."Topics", p."PublishedAt",
                       highlight("{{table}}", 0, {3}, {4}) AS "MarkedTitle",
                       snippet("{{table}}", -1, {3}, {4}, '…', 24) AS "MarkedSnippet"
                FROM page JOIN "{{table}}" s ON s.rowid = page.r JOIN "Posts" p ON p.rowid = page.r
                WHERE "{{table}}" MATCH {0}
                ORDER BY page.b, page.r DESC
                """, match, take, skip, Start, End).ToListAsync(cancellationToken);
#pragma warning restore EF1002
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
