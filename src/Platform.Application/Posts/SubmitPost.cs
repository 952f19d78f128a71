using FluentValidation;
using Mediator;
using Platform.Application.Common;

namespace Platform.Application.Posts;

/// <summary>Sends a draft to review.</summary>
public sealed record SubmitPostCommand(Guid PostId) : ICommand<PostState>;

public sealed class SubmitPostValidator : AbstractValidator<SubmitPostCommand>
{
    public SubmitPostValidator()
    {
        RuleFor(c => c.PostId).NotEmpty();
    }
}

public sealed class SubmitPostHandler(
    IAppDbContext db, ICurrentUser user, TimeProvider clock, IPostPublicationScheduler scheduler)
    : ICommandHandler<SubmitPostCommand, PostState>
{
    public async ValueTask<PostState> Handle(SubmitPostCommand command, CancellationToken cancellationToken)
    {
        var post = await db.LoadPostAsync(command.PostId, cancellationToken);
        post.SubmitForReview(user.Actor(), clock.GetUtcNow().UtcDateTime);
        return await db.CommitAsync(post, "post.submitted", user, clock, scheduler, cancellationToken);
    }
}
