using FluentValidation;
using Mediator;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>A reviewer sends a post back to its author with a comment.</summary>
public sealed record ReturnPostCommand(Guid PostId, string Comment) : ICommand<PostState>;

public sealed class ReturnPostValidator : AbstractValidator<ReturnPostCommand>
{
    public ReturnPostValidator()
    {
        RuleFor(c => c.PostId).NotEmpty();
        RuleFor(c => c.Comment).NotEmpty().WithMessage("Bitte schreibe, warum der Beitrag zurückgeht.")
            .MaximumLength(PostTransition.MaxCommentLength).WithMessage("Der Kommentar ist zu lang.");
    }
}

public sealed class ReturnPostHandler(
    IAppDbContext db, ICurrentTenant tenant, ICurrentUser user, TimeProvider clock, IPostPublicationScheduler scheduler)
    : ICommandHandler<ReturnPostCommand, PostState>
{
    public async ValueTask<PostState> Handle(ReturnPostCommand command, CancellationToken cancellationToken)
    {
        var rule = await db.FourEyesRuleAsync(tenant, cancellationToken);
        user.RequireReviewer(rule);
        var post = await db.LoadPostAsync(command.PostId, cancellationToken);
        post.ReturnToAuthor(command.Comment, user.Actor(), clock.GetUtcNow().UtcDateTime);
        return await db.CommitAsync(post, "post.returned", user, clock, scheduler, cancellationToken);
    }
}
