using FluentValidation;
using Mediator;
using Platform.Application.Common;
using Platform.Application.Reminders;

namespace Platform.Application.Posts;

/// <summary>Publishes a post at once; under the four-eyes rule only an approved one.</summary>
public sealed record PublishPostCommand(Guid PostId) : ICommand<PostState>;

public sealed class PublishPostValidator : AbstractValidator<PublishPostCommand>
{
    public PublishPostValidator()
    {
        RuleFor(c => c.PostId).NotEmpty();
    }
}

public sealed class PublishPostHandler(
    IAppDbContext db,
    ICurrentTenant tenant,
    ICurrentUser user,
    TimeProvider clock,
    IPostPublicationScheduler scheduler,
    INewPostNotifier followers)
    : ICommandHandler<PublishPostCommand, PostState>
{
    public async ValueTask<PostState> Handle(PublishPostCommand command, CancellationToken cancellationToken)
    {
        var rule = await db.FourEyesRuleAsync(tenant, cancellationToken);
        user.RequireReviewer(rule);
        var post = await db.LoadPostAsync(command.PostId, cancellationToken);
        post.PublishNow(user.Actor(), clock.GetUtcNow().UtcDateTime, rule);
        var state = await db.CommitAsync(post, "post.published", user, clock, scheduler, cancellationToken);

        // After the commit, like the scheduled path: the followers of its topics hear of it once.
        followers.PostPublished(post.TenantId, post.Id);
        return state;
    }
}
