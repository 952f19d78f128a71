using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>
/// The cover image of a published post of the current tenant, for readers: the original, or a copy
/// <see cref="Width"/> pixels wide (one of <see cref="CoverWidths.All"/>; never wider than the original).
/// </summary>
public sealed record GetPublishedPostCoverQuery(Guid PostId, int? Width = null) : IQuery<CoverImageFile>;

public sealed class GetPublishedPostCoverHandler(IAppDbContext db, ICurrentTenant tenant, IImageProcessor images) : IQueryHandler<GetPublishedPostCoverQuery, CoverImageFile>
{
    public async ValueTask<CoverImageFile> Handle(GetPublishedPostCoverQuery query, CancellationToken cancellationToken)
    {
        var published = db.PostImages.AsNoTracking()
            .Where(i => i.PostId == query.PostId && db.Posts.Any(p => p.Id == i.PostId && p.Status == PostStatus.Published));
        var meta = await published.Select(i => new { i.Width, i.UpdatedAt }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Titelbild", query.PostId);
        var version = CoverVersion.Of(meta.UpdatedAt);
        if (query.Width is { } width && (meta.Width == 0 || width < meta.Width))
        {
            // The cache key names the tenant, the post and the image's version: a replaced image is never served old.
            var key = $"cover:{tenant.RequiredId:N}:{query.PostId:N}:{version}:{width}";
            var resized = await images.ResizeAsync(
                key,
                async () => await published.Select(i => i.Content).SingleOrDefaultAsync(cancellationToken),
                width,
                version,
                cancellationToken);
            if (resized is not null)
            {
                return resized;
            }
        }

        return await published.Select(i => new CoverImageFile(i.ContentType, i.Content, version)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Titelbild", query.PostId);
    }
}
