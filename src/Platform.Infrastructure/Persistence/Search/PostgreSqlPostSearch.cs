using Microsoft.EntityFrameworkCore;
using Platform.Application.Posts;
using Platform.Domain.Posts;

namespace Platform.Infrastructure.Persistence.Search;

/// <summary>
/// PostgreSQL full-text search with the 'german' configuration (ADR-010), tenant-first: the table
/// <c>PostSearchIndex</c> holds each published post's tsvector (title A, summary B, body C) in the tenant's own lexemes
/// under a GIN index, read through two security-definer functions that filter by the connection's tenant
/// (<see cref="PostSearchMigrations.CreatePostgreSqlTenantIndex"/>, <see cref="PostSearchMigrations.UsePostgreSqlTenantLexemes"/>);
/// they put the query in the tenant's lexemes themselves. The tenant's newest
/// <see cref="SearchPostsQuery.RankedMatches"/> matches are ordered by <c>ts_rank</c>; <c>ts_headline</c> marks the
/// title and snippet of the rows shown. Each term is stemmed and matched as a prefix, so "Wohnungen" finds "Wohnung"
/// and "Bewerb" finds "Bewerbungstraining".
/// </summary>
public sealed class PostgreSqlPostSearch(PlatformDbContext db) : IPostSearch
{
    private static readonly string TitleOptions = $"HighlightAll=true, StartSel={SearchHighlight.StartMarker}, StopSel={SearchHighlight.EndMarker}";

    private static readonly string SnippetOptions =
        $"MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \", StartSel={SearchHighlight.StartMarker}, StopSel={SearchHighlight.EndMarker}";

    public async Task<PostSearchResult> SearchAsync(IReadOnlyList<string> terms, int skip, int take, CancellationToken cancellationToken)
    {
        // Terms are letters and digits only (SearchTerms), so this tsquery text has no syntax of the user's in it.
        var query = string.Join(" & ", terms.Select(t => t + ":*"));
        var counted = SearchPostsQuery.RankedMatches + 1;

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // The function ranks and cuts to the page and counts the matches on the way; headlines (the expensive
            // part) only for the rows shown. Posts is read under row-level security as always.
            var rows = await db.Database.SqlQuery<Row>($"""
                SELECT p."Id", p."Topics", p."PublishedAt", ranked."Total",
                       ts_headline('german', p."Title", q.q, {TitleOptions}) AS "MarkedTitle",
                       ts_headline('german', p."Summary" || E'\n' || p."BodyMarkdown" || E'\n' || p."TranslatedText", q.q, {SnippetOptions}) AS "MarkedSnippet"
                FROM (SELECT (to_tsquery('german', {query}) || to_tsquery('simple', {query})) AS q) q
                CROSS JOIN LATERAL search_published_posts(q.q, {skip}, {take}) ranked
                JOIN "Posts" p ON p."Id" = ranked."Id"
                ORDER BY ranked."Rank" DESC, ranked."PublishedAt" DESC NULLS LAST, ranked."Id" DESC
                """).ToListAsync(cancellationToken);

            // A page past the last one has no row to carry the count: only then is it asked for on its own.
            var total = rows.Count > 0
                ? rows[0].Total
                : skip == 0 ? 0 : await db.Database.SqlQuery<int>($"""
                    SELECT count_published_posts_matching((to_tsquery('german', {query}) || to_tsquery('simple', {query})), {counted}) AS "Value"
                    """).SingleAsync(cancellationToken);
            return new PostSearchResult(total, [.. rows.Select(r => r.ToResult())]);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record Row(Guid Id, int Topics, DateTime PublishedAt, int Total, string MarkedTitle, string MarkedSnippet)
    {
        public PostSearchRow ToResult() =>
            new(Id, MarkedTitle, MarkedSnippet, (Topics)Topics, DateTime.SpecifyKind(PublishedAt, DateTimeKind.Utc));
    }
}
