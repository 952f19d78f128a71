using System.Collections.Concurrent;
using System.Linq.Expressions;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>
/// One page of the current tenant's published posts, newest first, optionally of one topic: by number (offset), or
/// after a <see cref="FeedCursor"/> (<paramref name="After"/>, a page's <see cref="FeedPage.NextCursor"/>), which costs
/// the same on every page. With a cursor, <paramref name="Page"/> is only echoed, for a client that counts pages.
/// </summary>
/// <remarks>
/// With <paramref name="Language"/> (one of the platform's languages) each post comes with the title and summary of its
/// approved translation into that language, where it has one (issue 14); without it, in its own language.
/// </remarks>
public sealed record GetFeedQuery(
    int Page = 1, int PageSize = GetFeedQuery.DefaultPageSize, string? Topic = null, string? After = null, string? Language = null)
    : IQuery<FeedPage>
{
    public const int DefaultPageSize = 12;
    public const int MaxPageSize = 50;
}

/// <summary>A page of the feed.</summary>
/// <param name="Items">The page's posts, newest first.</param>
/// <param name="Page">The page's number, as the request named it.</param>
/// <param name="PageSize">How many posts a page holds.</param>
/// <param name="TotalCount">How many published posts (of the topic) the jobcenter has.</param>
/// <param name="NextCursor">Where the next page starts (<c>after=</c>); null on the last page.</param>
public sealed record FeedPage(IReadOnlyList<PostSummary> Items, int Page, int PageSize, int TotalCount, string? NextCursor = null)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
}

/// <remarks>
/// <paramref name="CoverImageAlt"/>: set when the post has a cover image; <paramref name="Cover"/> gives its size and
/// version. <paramref name="ContentVersion"/> versions the post's card (<see cref="PostCards.Version"/>), its cover when it has none.
/// <paramref name="Language"/>: the language of the title and summary, the post's own or its translation's.
/// </remarks>
public sealed record PostSummary(
    Guid Id,
    string Title,
    string Summary,
    IReadOnlyList<string> Topics,
    DateTime PublishedAt,
    string? CoverImageAlt = null,
    CoverImageInfo? Cover = null,
    int ContentVersion = 0,
    string Language = Post.DefaultLanguage);

public sealed class GetFeedValidator : AbstractValidator<GetFeedQuery>
{
    public GetFeedValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize)
            .InclusiveBetween(1, GetFeedQuery.MaxPageSize)
            .WithMessage(_ => ValidationMessages.Format("Feed.PageSizeInvalid", GetFeedQuery.MaxPageSize));
        // Whether a tenant topic's slug exists depends on the tenant (ADR-017): the handler checks it.
        RuleFor(q => q.Topic)
            .Must(t => t is null || TopicNames.TryParse(t, out _) || TenantTopic.IsValidSlug(t))
            .WithMessage(_ => ValidationMessages.Format("Feed.UnknownTopic", string.Join(", ", TopicNames.All)));
        RuleFor(q => q.Language).ReaderLanguage();
        RuleFor(q => q.After)
            .Must(a => string.IsNullOrEmpty(a) || FeedCursor.TryParse(a, out _))
            .WithMessage(_ => ValidationMessages.Get("Feed.CursorInvalid"));
    }
}

public sealed class GetFeedHandler(IAppDbContext db, ITopicCatalog catalog, ICurrentTenant tenant, FeedCounts counts) : IQueryHandler<GetFeedQuery, FeedPage>
{
    // The feed is the hottest query of the platform: compiled, so a request skips LINQ translation. The tenant filter
    // still applies (it reads the context's current tenant at execution). Topics.None matches every post. A compiled
    // query binds to the model of the first context it runs on, so there is one per context type (provider).
    private static readonly ConcurrentDictionary<Type, FeedQueries> Compiled = new();

    public async ValueTask<FeedPage> Handle(GetFeedQuery query, CancellationToken cancellationToken)
    {
        // IAppDbContext is the platform's DbContext; compiled queries need the context itself.
        var context = (DbContext)db;
        var queries = Compiled.GetOrAdd(context.GetType(), static _ => new FeedQueries());

        // Every statement of the request on one connection, the topic catalog's too (it reads through the same scoped
        // context): one pool rental and, on PostgreSQL, one tenant set-up instead of one per statement.
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var set = await catalog.ForCurrentTenantAsync(cancellationToken);
            var topic = Topics.None;
            if (query.Topic is not null && !set.TryParse(query.Topic, out topic))
            {
                throw new ValidationException([new ValidationFailure(
                    nameof(GetFeedQuery.Topic), ValidationMessages.Format("Feed.UnknownTopic", string.Join(", ", set.All.Select(t => t.Key))))]);
            }

            var total = await counts.GetAsync(tenant.RequiredId, topic, () => queries.Count(context, topic));
            var items = new List<PostSummary>(query.PageSize);
            var rows = new List<FeedRow>(query.PageSize + 1);

            // One row more than the page shows: whether there is a next page, without counting.
            var page = FeedCursor.TryParse(query.After, out var after)
                ? queries.PageAfter(context, topic, after, query.PageSize + 1)
                : queries.Page(context, topic, Paging.Offset(query.Page, query.PageSize), query.PageSize + 1);
            await foreach (var r in page.WithCancellation(cancellationToken))
            {
                rows.Add(r);
            }

            var next = rows.Count > query.PageSize ? rows[query.PageSize - 1] : null;
            if (next is not null)
            {
                rows.RemoveAt(query.PageSize);
            }

            // Sizes of the page's covers in one small query, only when there are covers at all.
            var withCover = rows.Where(r => r.HasCoverImage).Select(r => r.Id).ToArray();
            var covers = new Dictionary<Guid, CoverImageInfo>();
            if (withCover.Length > 0)
            {
                await foreach (var c in queries.Covers(context, withCover).WithCancellation(cancellationToken))
                {
                    covers[c.PostId] = new CoverImageInfo(c.Width, c.Height, CoverVersion.Of(c.UpdatedAt));
                }
            }

            // The page's translations into the language asked for, in one small query, only when one is asked for.
            var language = TranslationWorkflow.LanguageCode(query.Language);
            var ids = rows.Where(r => r.Language != language).Select(r => r.Id).ToArray();
            var translated = new Dictionary<Guid, (string Title, string Summary)>();
            if (language.Length > 0 && ids.Length > 0)
            {
                await foreach (var t in queries.Translations(context, ids, language).WithCancellation(cancellationToken))
                {
                    translated[t.PostId] = (t.Title, t.Summary);
                }
            }

            foreach (var r in rows)
            {
                var (title, summary, shown) = translated.TryGetValue(r.Id, out var t) ? (t.Title, t.Summary, language) : (r.Title, r.Summary, r.Language);
                items.Add(new PostSummary(
                    r.Id, title, summary, set.ToNames(r.Topics), r.PublishedAt!.Value, r.HasCoverImage ? r.CoverImageAlt : null, covers.GetValueOrDefault(r.Id), r.ContentVersion, shown));
            }

            return new FeedPage(items, query.Page, query.PageSize, total, next is null ? null : new FeedCursor(next.PublishedAt!.Value, next.Id).ToString());
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    private sealed record FeedRow(
        Guid Id, string Title, string Summary, Topics Topics, DateTime? PublishedAt, bool HasCoverImage, string? CoverImageAlt, int ContentVersion, string Language);

    private sealed record CoverRow(Guid PostId, int Width, int Height, DateTime UpdatedAt);

    private sealed record TranslationRow(Guid PostId, string Title, string Summary);

    /// <remarks>
    /// Two of each statement: without a topic the filter is the tenant and the status alone, which the index
    /// (TenantId, Status, PublishedAt) answers by itself (an index-only count, a page read in index order); a
    /// <c>Topics &amp; 0 = 0</c> that matches every row would make the database read every row to check it (issue 13).
    /// </remarks>
    private sealed class FeedQueries
    {
        // One projection for both pages; an expression, so that EF Core translates it inside the compiled queries.
        private static readonly Expression<Func<Post, FeedRow>> Row = p => new FeedRow(
            p.Id, p.Content.Title, p.Content.Summary, p.Content.Topics, p.PublishedAt, p.Content.HasCoverImage, p.Content.CoverImageAlt, p.ContentVersion, p.Content.Language);

        private readonly Func<DbContext, Task<int>> _countAll = EF.CompileAsyncQuery(
            (DbContext context) => context.Set<Post>().Count(p => p.Status == PostStatus.Published));

        private readonly Func<DbContext, Topics, Task<int>> _countOfTopic = EF.CompileAsyncQuery(
            (DbContext context, Topics topic) => context.Set<Post>()
                .Count(p => p.Status == PostStatus.Published && (p.Content.Topics & topic) == topic));

        private readonly Func<DbContext, int, int, IAsyncEnumerable<FeedRow>> _pageAll = EF.CompileAsyncQuery(
            (DbContext context, int skip, int take) => context.Set<Post>().AsNoTracking()
                .Where(p => p.Status == PostStatus.Published)
                .OrderByDescending(p => p.PublishedAt)
                .ThenByDescending(p => p.Id)
                .Skip(skip)
                .Take(take)
                .Select(Row));

        private readonly Func<DbContext, Topics, int, int, IAsyncEnumerable<FeedRow>> _pageOfTopic = EF.CompileAsyncQuery(
            (DbContext context, Topics topic, int skip, int take) => context.Set<Post>().AsNoTracking()
                .Where(p => p.Status == PostStatus.Published && (p.Content.Topics & topic) == topic)
                .OrderByDescending(p => p.PublishedAt)
                .ThenByDescending(p => p.Id)
                .Skip(skip)
                .Take(take)
                .Select(Row));

        private readonly Func<DbContext, DateTime, Guid, int, IAsyncEnumerable<FeedRow>> _pageAllAfter = EF.CompileAsyncQuery(
            (DbContext context, DateTime at, Guid id, int take) => context.Set<Post>().AsNoTracking()
                .Where(p => p.Status == PostStatus.Published && (p.PublishedAt < at || (p.PublishedAt == at && p.Id.CompareTo(id) < 0)))
                .OrderByDescending(p => p.PublishedAt)
                .ThenByDescending(p => p.Id)
                .Take(take)
                .Select(Row));

        private readonly Func<DbContext, Topics, DateTime, Guid, int, IAsyncEnumerable<FeedRow>> _pageOfTopicAfter = EF.CompileAsyncQuery(
            (DbContext context, Topics topic, DateTime at, Guid id, int take) => context.Set<Post>().AsNoTracking()
                .Where(p => p.Status == PostStatus.Published && (p.Content.Topics & topic) == topic
                    && (p.PublishedAt < at || (p.PublishedAt == at && p.Id.CompareTo(id) < 0)))
                .OrderByDescending(p => p.PublishedAt)
                .ThenByDescending(p => p.Id)
                .Take(take)
                .Select(Row));

        // The page's covers and translations: compiled too (as LINQ they cost, measured, more than the page itself:
        // the query cache's key and the list parameter are prepared anew on every execution).
        private readonly Func<DbContext, Guid[], IAsyncEnumerable<CoverRow>> _covers = EF.CompileAsyncQuery(
            (DbContext context, Guid[] ids) => context.Set<PostImage>().AsNoTracking()
                .Where(i => ids.Contains(i.PostId) && i.Width > 0)
                .Select(i => new CoverRow(i.PostId, i.Width, i.Height, i.UpdatedAt)));

        private readonly Func<DbContext, Guid[], string, IAsyncEnumerable<TranslationRow>> _translations = EF.CompileAsyncQuery(
            (DbContext context, Guid[] ids, string language) => context.Set<PostTranslation>().AsNoTracking()
                .Where(t => ids.Contains(t.PostId) && t.Language == language && t.LiveVersion != null)
                .Select(t => new TranslationRow(t.PostId, t.Live.Title, t.Live.Summary)));

        public IAsyncEnumerable<CoverRow> Covers(DbContext context, Guid[] ids) => _covers(context, ids);

        public IAsyncEnumerable<TranslationRow> Translations(DbContext context, Guid[] ids, string language) => _translations(context, ids, language);

        public IAsyncEnumerable<FeedRow> PageAfter(DbContext context, Topics topic, FeedCursor after, int take) =>
            topic == Topics.None
                ? _pageAllAfter(context, after.PublishedAt, after.Id, take)
                : _pageOfTopicAfter(context, topic, after.PublishedAt, after.Id, take);

        public Task<int> Count(DbContext context, Topics topic) =>
            topic == Topics.None ? _countAll(context) : _countOfTopic(context, topic);

        public IAsyncEnumerable<FeedRow> Page(DbContext context, Topics topic, int skip, int take) =>
            topic == Topics.None ? _pageAll(context, skip, take) : _pageOfTopic(context, topic, skip, take);
    }
}
