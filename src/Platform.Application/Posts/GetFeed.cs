using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>One page of the current tenant's published posts, newest first, optionally of one topic.</summary>
public sealed record GetFeedQuery(int Page = 1, int PageSize = GetFeedQuery.DefaultPageSize, string? Topic = null)
    : IQuery<FeedPage>
{
    public const int DefaultPageSize = 12;
    public const int MaxPageSize = 50;
}

public sealed record FeedPage(IReadOnlyList<PostSummary> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
}

public sealed record PostSummary(Guid Id, string Title, string Summary, IReadOnlyList<string> Topics, DateTime PublishedAt);

public sealed class GetFeedValidator : AbstractValidator<GetFeedQuery>
{
    public GetFeedValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Die Seite muss 1 oder größer sein.");
        RuleFor(q => q.PageSize)
            .InclusiveBetween(1, GetFeedQuery.MaxPageSize)
            .WithMessage($"Die Seitengröße muss zwischen 1 und {GetFeedQuery.MaxPageSize} liegen.");
        RuleFor(q => q.Topic)
            .Must(t => t is null || TopicNames.TryParse(t, out _))
            .WithMessage($"Unbekanntes Thema. Erlaubt sind: {string.Join(", ", TopicNames.All)}.");
    }
}

public sealed class GetFeedHandler(IAppDbContext db) : IQueryHandler<GetFeedQuery, FeedPage>
{
    public async ValueTask<FeedPage> Handle(GetFeedQuery query, CancellationToken cancellationToken)
    {
        var posts = db.Posts.AsNoTracking().Where(p => p.Status == PostStatus.Published);
        if (query.Topic is not null && TopicNames.TryParse(query.Topic, out var topic))
        {
            posts = posts.Where(p => (p.Topics & topic) == topic);
        }

        var total = await posts.CountAsync(cancellationToken);
        var rows = await posts
            .OrderByDescending(p => p.PublishedAt)
            .ThenByDescending(p => p.Id)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(p => new { p.Id, p.Title, p.Summary, p.Topics, p.PublishedAt })
            .ToListAsync(cancellationToken);

        var items = rows
            .Select(r => new PostSummary(r.Id, r.Title, r.Summary, TopicNames.ToNames(r.Topics), r.PublishedAt!.Value))
            .ToList();
        return new FeedPage(items, query.Page, query.PageSize, total);
    }
}
