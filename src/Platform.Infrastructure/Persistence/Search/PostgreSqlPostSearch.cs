using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Posts;

namespace Platform.Infrastructure.Persistence.Search;

/// <summary>
/// PostgreSQL full-text search with the 'german' configuration (ADR-010): the stored, generated column
/// <c>Posts.SearchVector</c> (title A, summary B, body C) with a GIN index, <c>ts_rank</c> for the order and
/// <c>ts_headline</c> for the marked title and snippet. Each term is stemmed and matched as a prefix, so
/// "Wohnungen" finds "Wohnung" and "Bewerb" finds "Bewerbungstraining".
/// </summary>
public sealed class PostgreSqlPostSearch(PlatformDbContext db, ICurrentTenant tenant) : IPostSearch
{
    private static readonly string TitleOptions = $"HighlightAll=true, StartSel={SearchHighlight.StartMarker}, StopSel={SearchHighlight.EndMarker}";

    private static readonly string SnippetOptions =
        $"MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \", StartSel={SearchHighlight.StartMarker}, StopSel={SearchHighlight.EndMarker}";

    public async Task<PostSearchResult> SearchAsync(IReadOnlyList<string> terms, int skip, int take, CancellationToken cancellationToken)
    {
        // Terms are letters and digits only (SearchTerms), so this tsquery text has no syntax of the user's in it.
        var query = string.Join(" & ", terms.Select(t => t + ":*"));
        var tenantId = tenant.RequiredId;
        var published = (int)PostStatus.Published;

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var total = await db.Database.SqlQuery<int>($"""
                SELECT count(*)::int AS "Value" FROM "Posts" p
                WHERE p."TenantId" = {tenantId} AND p."Status" = {published} AND p."SearchVector" @@ to_tsquery('german', {query})
                """).SingleAsync(cancellationToken);
            if (total == 0)
            {
                return new PostSearchResult(0, []);
            }

            // Ranked and cut to the page first; headlines (the expensive part) only for the rows shown.
            var rows = await db.Database.SqlQuery<Row>($"""
                SELECT p."Id", p."Topics", p."PublishedAt",
                       ts_headline('german', p."Title", ranked.q, {TitleOptions}) AS "MarkedTitle",
                       ts_headline('german', p."Summary" || E'\n' || p."BodyMarkdown", ranked.q, {SnippetOptions}) AS "MarkedSnippet"
                FROM (
                    SELECT p."Id", q.q, ts_rank(p."SearchVector", q.q) AS rank
                    FROM "Posts" p, (SELECT to_tsquery('german', {query}) AS q) q
                    WHERE p."TenantId" = {tenantId} AND p."Status" = {published} AND p."SearchVector" @@ q.q
                    ORDER BY rank DESC, p."PublishedAt" DESC, p."Id"
                    LIMIT {take} OFFSET {skip}
                ) ranked
                JOIN "Posts" p ON p."Id" = ranked."Id"
                ORDER BY ranked.rank DESC, p."PublishedAt" DESC, p."Id"
                """).ToListAsync(cancellationToken);
            return new PostSearchResult(total, [.. rows.Select(r => r.ToResult())]);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record Row(Guid Id, int Topics, DateTime PublishedAt, string MarkedTitle, string MarkedSnippet)
    {
        public PostSearchRow ToResult() =>
            new(Id, MarkedTitle, MarkedSnippet, (Topics)Topics, DateTime.SpecifyKind(PublishedAt, DateTimeKind.Utc));
    }
}
