using FluentValidation;
using Mediator;
using Platform.Application.Common;

namespace Platform.Application.Posts;

/// <summary>Takes a published post down.</summary>
public sealed record UnpublishPostCommand(Guid PostId) : ICommand<PostState>;

public sealed class UnpublishPostValidator : AbstractValidator<UnpublishPostCommand>
{
    public UnpublishPostValidator()
    {
        RuleFor(c => c.PostId).NotEmpty();
    }
}

public sealed class UnpublishPostHandler(
    IAppDbContext db, ICurrentUser user, TimeProvider clock, IPostPublicationScheduler scheduler)
    : ICommandHandler<UnpublishPostCommand, PostState>
{
    public async ValueTask<PostState> Handle(UnpublishPostCommand command, CancellationToken cancellationToken)
    {
        var post = await db.LoadPostAsync(command.PostId, cancellationToken);
        post.Unpublish(user.Actor(), clock.GetUtcNow().UtcDateTime);
        return await db.CommitAsync(post, "post.unpublished", user, clock, scheduler, cancellationToken);
    }
}
