using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>
/// Full-text search over the current tenant's published posts, best match first (ADR-010). Any text is a valid query:
/// only letters and digits become search terms, so quotes, operators and other special characters never reach the
/// database's query syntax. An empty query (or one without any words) finds nothing.
/// </summary>
/// <remarks>With <paramref name="Language"/>, a hit that has an approved translation into it shows that translation's title (issue 14).</remarks>
public sealed record SearchPostsQuery(string? Q, int Page = 1, int PageSize = SearchPostsQuery.DefaultPageSize, string? Language = null) : IQuery<SearchPage>
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;
    public const int MaxQueryLength = 200;

    /// <summary>
    /// How many of the tenant's newest matches are ranked and counted (ADR-010): a word found more often shows
    /// "über 1.000 Treffer" and the best matches among the newest 1,000, so a search costs the same however large the
    /// tenant's archive grows.
    /// </summary>
    public const int RankedMatches = 1000;
}

/// <remarks>
/// <para><paramref name="TotalCount"/>: the number of hits, at most <see cref="SearchPostsQuery.RankedMatches"/>.</para>
/// <para><paramref name="TotalCountCapped"/>: there are more hits than that ("über 1.000 Treffer").</para>
/// </remarks>
public sealed record SearchPage(string Query, IReadOnlyList<SearchHit> Items, int Page, int PageSize, int TotalCount, bool TotalCountCapped = false)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
}

/// <remarks>
/// <para><paramref name="TitleHtml"/>: the title, HTML-encoded, with the matches in <c>&lt;mark&gt;</c>.</para>
/// <para><paramref name="SnippetHtml"/>: a passage around the matches, HTML-encoded, with the matches in <c>&lt;mark&gt;</c>.</para>
/// <para><paramref name="Language"/>: the language of the title when it is a translation's, null for the post's own.</para>
/// </remarks>
public sealed record SearchHit(
    Guid Id, string Title, string TitleHtml, string SnippetHtml, IReadOnlyList<string> Topics, DateTime PublishedAt, string? Language = null);

public sealed class SearchPostsValidator : AbstractValidator<SearchPostsQuery>
{
    public SearchPostsValidator()
    {
        RuleFor(q => q.Q)
            .MaximumLength(SearchPostsQuery.MaxQueryLength)
            .WithMessage(_ => ValidationMessages.Format("Search.QueryTooLong", SearchPostsQuery.MaxQueryLength));
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize)
            .InclusiveBetween(1, SearchPostsQuery.MaxPageSize)
            .WithMessage(_ => ValidationMessages.Format("Search.PageSizeInvalid", SearchPostsQuery.MaxPageSize));
        RuleFor(q => q.Language).ReaderLanguage();
    }
}

public sealed class SearchPostsHandler(IPostSearch search, IAppDbContext db) : IQueryHandler<SearchPostsQuery, SearchPage>
{
    public async ValueTask<SearchPage> Handle(SearchPostsQuery query, CancellationToken cancellationToken)
    {
        var text = query.Q?.Trim() ?? "";
        var terms = SearchTerms.Parse(text);
        if (terms.Count == 0)
        {
            return new SearchPage(text, [], query.Page, query.PageSize, 0);
        }

        var result = await search.SearchAsync(terms, (query.Page - 1) * query.PageSize, query.PageSize, cancellationToken);

        // The titles of the page's approved translations into the reader's language, in one small query.
        var language = TranslationWorkflow.LanguageCode(query.Language);
        var ids = result.Rows.Select(r => r.Id).ToList();
        var translated = language.Length == 0 || ids.Count == 0
            ? []
            : await db.PostTranslations.AsNoTracking()
                .Where(t => ids.Contains(t.PostId) && t.Language == language && t.LiveVersion != null)
                .ToDictionaryAsync(t => t.PostId, t => t.Live.Title, cancellationToken);
        return new SearchPage(
            text,
            [.. result.Rows.Select(r => translated.TryGetValue(r.Id, out var title)
                ? new SearchHit(
                    r.Id, title, WebUtility.HtmlEncode(title), SearchHighlight.ToHtml(SearchHighlight.PlainSnippet(r.MarkedSnippet)),
                    TopicNames.ToNames(r.Topics), r.PublishedAt, language)
                : new SearchHit(
                    r.Id,
                    SearchHighlight.StripMarkers(r.MarkedTitle),
                    SearchHighlight.ToHtml(r.MarkedTitle),
                    SearchHighlight.ToHtml(SearchHighlight.PlainSnippet(r.MarkedSnippet)),
                    TopicNames.ToNames(r.Topics),
                    r.PublishedAt))],
            query.Page,
            query.PageSize,
            Math.Min(result.TotalCount, SearchPostsQuery.RankedMatches),
            result.TotalCount > SearchPostsQuery.RankedMatches);
    }
}

/// <summary>
/// Port to the database's full-text search (one implementation per provider). Searches the current tenant's
/// published posts for all the terms given; matches in the returned texts are enclosed in
/// <see cref="SearchHighlight.StartMarker"/> and <see cref="SearchHighlight.EndMarker"/>.
/// </summary>
public interface IPostSearch
{
    Task<PostSearchResult> SearchAsync(IReadOnlyList<string> terms, int skip, int take, CancellationToken cancellationToken);
}

/// <remarks><paramref name="TotalCount"/>: the number of matches, counted up to one more than <see cref="SearchPostsQuery.RankedMatches"/>.</remarks>
public sealed record PostSearchResult(int TotalCount, IReadOnlyList<PostSearchRow> Rows);

public sealed record PostSearchRow(Guid Id, string MarkedTitle, string MarkedSnippet, Topics Topics, DateTime PublishedAt);

/// <summary>The words of a query: runs of letters and digits, without search operators, at most <see cref="MaxTerms"/>.</summary>
public static partial class SearchTerms
{
    public const int MaxTerms = 8;

    private static readonly HashSet<string> Operators = new(StringComparer.OrdinalIgnoreCase) { "and", "or", "not", "near" };

    public static IReadOnlyList<string> Parse(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. Word().Matches(text)
                .Select(m => m.Value)
                .Where(w => w.Length >= 2 && !Operators.Contains(w))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Take(MaxTerms)];

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}

/// <summary>
/// Turns text with the database's match markers into safe HTML: everything is HTML-encoded and only our own markers
/// become <c>&lt;mark&gt;</c> tags, always balanced. Markup in a post (or markers typed into one) cannot get through.
/// </summary>
public static partial class SearchHighlight
{
    public const char StartMarker = '\u0002';
    public const char EndMarker = '\u0003';

    public static string ToHtml(string marked)
    {
        var html = new StringBuilder(marked.Length + 32);
        var open = false;
        var start = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            if (i < marked.Length && marked[i] is not (StartMarker or EndMarker))
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(marked[start..i]));
            if (i < marked.Length)
            {
                if (marked[i] == StartMarker && !open)
                {
                    html.Append("<mark>");
                    open = true;
                }
                else if (marked[i] == EndMarker && open)
                {
                    html.Append("</mark>");
                    open = false;
                }
            }

            start = i + 1;
        }

        if (open)
        {
            html.Append("</mark>");
        }

        return html.ToString();
    }

    public static string StripMarkers(string marked) =>
        marked.Replace(StartMarker.ToString(), "", StringComparison.Ordinal).Replace(EndMarker.ToString(), "", StringComparison.Ordinal);

    /// <summary>A snippet cut from Markdown, read as plain text: link targets and formatting characters removed.</summary>
    public static string PlainSnippet(string marked)
    {
        var text = MarkdownLink().Replace(marked, "$1");
        text = MarkdownBlock().Replace(text, " ");
        text = MarkdownInline().Replace(text, "");
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)?", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownLink();

    /// <summary>Headings, quotes, list markers and table bars.</summary>
    [GeneratedRegex(@"^\s*(?:#+|>+|[-+]\s|\d+\.\s)|\|", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex MarkdownBlock();

    /// <summary>Emphasis and code marks around words.</summary>
    [GeneratedRegex(@"[*_`~]+", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownInline();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
