using System.Diagnostics.CodeAnalysis;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>
/// Changes a post's content as a new version. <see cref="PostInputChange.BaseVersion"/> is the version the editor started from; if
/// someone saved in between, the save is refused (409) instead of overwriting their work.
/// </summary>
public sealed record UpdatePostCommand : PostInputChange, ICommand<PostState>
{
    public UpdatePostCommand()
    {
    }

    [SetsRequiredMembers]
    public UpdatePostCommand(Guid postId, int baseVersion, PostInput content, bool removeCoverImage = false)
        : base(baseVersion, content, removeCoverImage)
    {
        PostId = postId;
    }

    public Guid PostId { get; init; }
}

public sealed class UpdatePostValidator : AbstractValidator<UpdatePostCommand>
{
    public UpdatePostValidator()
    {
        RuleFor(c => c.PostId).NotEmpty();
        RuleFor(c => c.BaseVersion).GreaterThan(0).WithMessage("Gib die Version an, von der deine Änderung ausgeht.");
        Include(new PostInputValidator());
    }
}

public sealed class UpdatePostHandler(
    IAppDbContext db, ICurrentUser user, TimeProvider clock, IPostPublicationScheduler scheduler, IImageProcessor images, ITopicCatalog catalog)
    : ICommandHandler<UpdatePostCommand, PostState>
{
    public async ValueTask<PostState> Handle(UpdatePostCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var post = await db.LoadPostAsync(command.PostId, cancellationToken);
        var image = await db.PostImages.SingleOrDefaultAsync(i => i.PostId == post.Id, cancellationToken);
        var hasImage = command.CoverImage is not null || (image is not null && !command.RemoveCoverImage);
        if (hasImage && string.IsNullOrWhiteSpace(command.CoverImageAlt))
        {
            throw new ValidationException([new ValidationFailure(
                nameof(command.CoverImageAlt), "Ein Titelbild braucht einen Alternativtext, der beschreibt, was darauf zu sehen ist.")]);
        }

        post.Edit(command.ToContent(hasImage, await catalog.ForCurrentTenantAsync(cancellationToken)), command.BaseVersion, user.Actor(), now);
        if (command.CoverImage is { } upload)
        {
            var stored = images.Reencode(upload, "coverImage");
            if (image is null)
            {
                db.PostImages.Add(PostImage.Create(post.TenantId, post.Id, stored.ContentType, stored.Content, stored.Width, stored.Height, now));
            }
            else
            {
                image.Replace(stored.ContentType, stored.Content, stored.Width, stored.Height, now);
            }
        }
        else if (command.RemoveCoverImage && image is not null)
        {
            db.PostImages.Remove(image);
        }

        return await db.CommitAsync(post, "post.edited", user, clock, scheduler, cancellationToken);
    }
}
