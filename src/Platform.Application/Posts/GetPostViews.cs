using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>For staff: how often a post of their jobcenter was read, per day over the last 30 days and in total.</summary>
public sealed record GetPostViewsQuery(Guid PostId) : IQuery<PostViews>;

/// <remarks>
/// <para><paramref name="Days"/>: days with readings among the last <paramref name="LastDays"/> days (Europe/Berlin), newest first.</para>
/// <para><paramref name="Total"/>: all readings since the post was first published.</para>
/// </remarks>
public sealed record PostViews(Guid PostId, int Total, int LastDays, IReadOnlyList<PostViewCount> Days);

public sealed record PostViewCount(DateOnly Day, int Count);

public sealed class GetPostViewsValidator : AbstractValidator<GetPostViewsQuery>
{
    public GetPostViewsValidator()
    {
        RuleFor(q => q.PostId).NotEmpty().OverridePropertyName("postId");
    }
}

/// <remarks>
/// The figures are the table's plus the readings this node has not written yet; readings on other nodes of a cluster
/// show once those nodes flush, at most one <see cref="PostViewOptions.FlushInterval"/> later (ADR-031).
/// </remarks>
public sealed class GetPostViewsHandler(IAppDbContext db, ICurrentTenant tenant, PostViewBuffer buffer, TimeProvider clock) : IQueryHandler<GetPostViewsQuery, PostViews>
{
    public const int Window = 30;

    public async ValueTask<PostViews> Handle(GetPostViewsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Posts.AnyAsync(p => p.Id == query.PostId, cancellationToken))
        {
            throw new NotFoundException("Beitrag", query.PostId);
        }

        var since = PostViewDay.DayOf(clock.GetUtcNow().UtcDateTime).AddDays(-(Window - 1));
        var rows = await db.PostViewDays.AsNoTracking()
            .Where(v => v.PostId == query.PostId)
            .Select(v => new PostViewCount(v.Day, v.Count))
            .ToListAsync(cancellationToken);
        rows = [.. rows.Concat(buffer.Pending(tenant.RequiredId, query.PostId).Select(p => new PostViewCount(p.Day, p.Count)))
            .GroupBy(r => r.Day, (day, counts) => new PostViewCount(day, counts.Sum(c => c.Count)))];
        var recent = rows.Where(r => r.Day >= since).OrderByDescending(r => r.Day).ToList();
        return new PostViews(query.PostId, rows.Sum(r => r.Count), Window, recent);
    }
}
