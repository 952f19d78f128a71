using FluentValidation;
using Mediator;
using Platform.Application.Common;
using Platform.Application.Reminders;
using Platform.Application.Resources;
using Platform.Domain.Reminders;

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
    IAppDbContext db, ICurrentUser user, TimeProvider clock, IPostPublicationScheduler scheduler, StaffAlerter alerts)
    : ICommandHandler<SubmitPostCommand, PostState>
{
    public async ValueTask<PostState> Handle(SubmitPostCommand command, CancellationToken cancellationToken)
    {
        var post = await db.LoadPostAsync(command.PostId, cancellationToken);
        post.SubmitForReview(user.Actor(), clock.GetUtcNow().UtcDateTime);

        // Those who may approve hear of it, except the one who sent it (four eyes).
        await alerts.AddAsync(
            new StaffAlert(
                NotificationKind.ReviewRequested, post.Id, post.Version, StaffText.Get("ReviewRequested.Title"), post.Content.Title,
                $"/redaktion/beitraege/{post.Id}", Except: user.Id),
            cancellationToken);
        return await db.CommitAsync(post, "post.submitted", user, clock, scheduler, cancellationToken);
    }
}
