using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;

namespace Platform.Application.Posts;

/// <summary>A post's cover image (any status), for staff.</summary>
public sealed record GetPostCoverImageQuery(Guid PostId) : IQuery<PostCoverImage>;

public sealed record PostCoverImage(string ContentType, byte[] Content);

public sealed class GetPostCoverImageHandler(IAppDbContext db) : IQueryHandler<GetPostCoverImageQuery, PostCoverImage>
{
    public async ValueTask<PostCoverImage> Handle(GetPostCoverImageQuery query, CancellationToken cancellationToken) =>
        await db.PostImages.AsNoTracking().Where(i => i.PostId == query.PostId)
            .Select(i => new PostCoverImage(i.ContentType, i.Content))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Titelbild", query.PostId);
}
