using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>The current tenant's posts for staff, every status or one, most recently changed first.</summary>
public sealed record ListEditorialPostsQuery(PostStatus? Status = null, int Page = 1, int PageSize = 50) : IQuery<IReadOnlyList<EditorialPostSummary>>;

public sealed record EditorialPostSummary(
    Guid Id, string Title, PostStatus Status, int ContentVersion, DateTime? PublishAt, DateTime? PublishedAt, DateTime UpdatedAt, string? FailureReason);

public sealed class ListEditorialPostsValidator : AbstractValidator<ListEditorialPostsQuery>
{
    public ListEditorialPostsValidator()
    {
        RuleFor(q => q.Status).IsInEnum().WithMessage("Unbekannter Status.");
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200).WithMessage("Die Seitengröße muss zwischen 1 und 200 liegen.");
    }
}

public sealed class ListEditorialPostsHandler(IAppDbContext db) : IQueryHandler<ListEditorialPostsQuery, IReadOnlyList<EditorialPostSummary>>
{
    public async ValueTask<IReadOnlyList<EditorialPostSummary>> Handle(ListEditorialPostsQuery query, CancellationToken cancellationToken)
    {
        var posts = db.Posts.AsNoTracking();
        if (query.Status is { } status)
        {
            posts = posts.Where(p => p.Status == status);
        }

        return await posts
            .OrderByDescending(p => p.UpdatedAt)
            .ThenByDescending(p => p.Id)
            .Skip(Paging.Offset(query.Page, query.PageSize))
            .Take(query.PageSize)
            .Select(p => new EditorialPostSummary(p.Id, p.Content.Title, p.Status, p.ContentVersion, p.PublishAt, p.PublishedAt, p.UpdatedAt, p.FailureReason))
            .ToListAsync(cancellationToken);
    }
}
