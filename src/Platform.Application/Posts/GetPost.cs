using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>One published post of the current tenant; anything else, another tenant's post included, is 404.</summary>
public sealed record GetPostQuery(Guid Id) : IQuery<PostDetail>;

public sealed record PostDetail(
    Guid Id, string Title, string Summary, IReadOnlyList<string> Topics, DateTime PublishedAt, string BodyHtml, bool IsDemo);

public sealed class GetPostHandler(IAppDbContext db) : IQueryHandler<GetPostQuery, PostDetail>
{
    public async ValueTask<PostDetail> Handle(GetPostQuery query, CancellationToken cancellationToken)
    {
        var post = await db.Posts.AsNoTracking()
            .Where(p => p.Id == query.Id && p.Status == PostStatus.Published)
            .Select(p => new { p.Id, p.Title, p.Summary, p.Topics, p.PublishedAt, p.BodyMarkdown, p.IsDemo })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Post", query.Id);

        return new PostDetail(
            post.Id,
            post.Title,
            post.Summary,
            TopicNames.ToNames(post.Topics),
            post.PublishedAt!.Value,
            PostBodyRenderer.ToSafeHtml(post.BodyMarkdown),
            post.IsDemo);
    }
}
