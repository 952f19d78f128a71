using System.Diagnostics.CodeAnalysis;
using FluentValidation;
using Mediator;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>An editor writes a new post: it starts as a draft with version 1, the editor as its author.</summary>
public sealed record CreatePostCommand : PostInput, ICommand<PostState>
{
    public CreatePostCommand()
    {
    }

    [SetsRequiredMembers]
    public CreatePostCommand(PostInput content)
        : base(content)
    {
    }
}

public sealed class CreatePostValidator : AbstractValidator<CreatePostCommand>
{
    public CreatePostValidator() => Include(new PostInputValidator());
}

public sealed class CreatePostHandler(IAppDbContext db, ICurrentTenant tenant, ICurrentUser user, TimeProvider clock, IImageProcessor images, ITopicCatalog catalog)
    : ICommandHandler<CreatePostCommand, PostState>
{
    public async ValueTask<PostState> Handle(CreatePostCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var post = Post.Create(tenant.RequiredId, command.ToContent(command.CoverImage is not null, await catalog.ForCurrentTenantAsync(cancellationToken)), user.Actor(), now);
        db.Posts.Add(post);
        if (command.CoverImage is { } upload)
        {
            var image = images.Reencode(upload, "coverImage");
            db.PostImages.Add(PostImage.Create(post.TenantId, post.Id, image.ContentType, image.Content, image.Width, image.Height, now));
        }

        db.Record(post.TenantId, user, clock, "post.created", post.Content.Title);
        await db.SaveChangesAsync(cancellationToken);
        return new PostState(post.Id, post.Status, post.ContentVersion, post.PublishAt);
    }
}
