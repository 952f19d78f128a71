using FluentValidation;
using Mediator;
using Platform.Application.Common;

namespace Platform.Application.Posts;

/// <summary>Approves a post in review; under the four-eyes rule a Reviewer or TenantAdmin other than the author.</summary>
public sealed record ApprovePostCommand(Guid PostId) : ICommand<PostState>;

public sealed class ApprovePostValidator : AbstractValidator<ApprovePostCommand>
{
    public ApprovePostValidator()
    {
        RuleFor(c => c.PostId).NotEmpty();
    }
}

public sealed class ApprovePostHandler(
    IAppDbContext db, ICurrentTenant tenant, ICurrentUser user, TimeProvider clock, IPostPublicationScheduler scheduler)
    : ICommandHandler<ApprovePostCommand, PostState>
{
    public async ValueTask<PostState> Handle(ApprovePostCommand command, CancellationToken cancellationToken)
    {
        var rule = await db.FourEyesRuleAsync(tenant, cancellationToken);
        user.RequireReviewer(rule);
        var post = await db.LoadPostAsync(command.PostId, cancellationToken);
        post.Approve(user.Actor(), clock.GetUtcNow().UtcDateTime, rule);
        return await db.CommitAsync(post, "post.approved", user, clock, scheduler, cancellationToken);
    }
}
