using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Posts;
using Platform.Domain.Posts;

namespace Platform.Infrastructure.Persistence.Search;

/// <summary>
/// The SQL Server fallback (ADR-010): every term as a LIKE substring of title, summary or body, title matches first,
/// then newest. No stemming and no index: good enough for a supported-but-untested provider; a full-text catalog
/// would replace it.
/// </summary>
public sealed class SqlServerPostSearch(PlatformDbContext db) : IPostSearch
{
    public async Task<PostSearchResult> SearchAsync(IReadOnlyList<string> terms, int skip, int take, CancellationToken cancellationToken)
    {
        var posts = db.Posts.AsNoTracking().Where(p => p.Status == PostStatus.Published);
        foreach (var term in terms)
        {
            posts = posts.Where(p => p.Content.Title.Contains(term) || p.Content.Summary.Contains(term) || p.Content.BodyMarkdown.Contains(term) || p.TranslatedText.Contains(term));
        }

        var first = terms[0];
        var total = await posts.CountAsync(cancellationToken);
        var rows = await posts
            .OrderBy(p => p.Content.Title.Contains(first) ? 0 : 1)
            .ThenByDescending(p => p.PublishedAt)
            .ThenBy(p => p.Id)
            .Skip(skip)
            .Take(take)
            .Select(p => new { p.Id, p.Content.Title, p.Content.Summary, p.Content.BodyMarkdown, p.TranslatedText, p.Content.Topics, p.PublishedAt })
            .ToListAsync(cancellationToken);
        return new PostSearchResult(
            total,
            [.. rows.Select(r => new PostSearchRow(r.Id, Mark(r.Title, terms), Mark(Excerpt(r.Summary + "\n" + r.BodyMarkdown + "\n" + r.TranslatedText, terms), terms), r.Topics, r.PublishedAt!.Value))]);
    }

    private static string Excerpt(string text, IReadOnlyList<string> terms)
    {
        var at = terms.Select(t => text.IndexOf(t, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, at - 80);
        var length = Math.Min(text.Length - start, 240);
        return string.Concat(start > 0 ? "…" : "", text.AsSpan(start, length), start + length < text.Length ? "…" : "");
    }

    private static string Mark(string text, IReadOnlyList<string> terms)
    {
        foreach (var term in terms)
        {
            text = Regex.Replace(
                text,
                Regex.Escape(term),
                m => SearchHighlight.StartMarker + m.Value + SearchHighlight.EndMarker,
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
                TimeSpan.FromSeconds(1));
        }

        return text;
    }
}
