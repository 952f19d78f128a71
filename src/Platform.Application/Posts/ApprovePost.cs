using FluentValidation;
using Mediator;
using Platform.Application.Common;
using Platform.Application.Library;
using Platform.Application.Reminders;
using Platform.Application.Resources;
using Platform.Domain.Reminders;

namespace Platform.Application.Posts;

/// <summary>
/// Approves a post in review; under the four-eyes rule a Reviewer or TenantAdmin other than the author. A post taking
/// part in a library campaign is scheduled for the campaign date at once.
/// </summary>
public sealed record ApprovePostCommand(Guid PostId) : ICommand<PostState>;

public sealed class ApprovePostValidator : AbstractValidator<ApprovePostCommand>
{
    public ApprovePostValidator()
    {
        RuleFor(c => c.PostId).NotEmpty();
    }
}

public sealed class ApprovePostHandler(
    IAppDbContext db, ICurrentTenant tenant, ICurrentUser user, TimeProvider clock, IPostPublicationScheduler scheduler, StaffAlerter alerts)
    : ICommandHandler<ApprovePostCommand, PostState>
{
    public async ValueTask<PostState> Handle(ApprovePostCommand command, CancellationToken cancellationToken)
    {
        var rule = await db.FourEyesRuleAsync(tenant, cancellationToken);
        user.RequireReviewer(rule);
        var post = await db.LoadPostAsync(command.PostId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        post.Approve(user.Actor(), now, rule);

        // A post in a library campaign goes on the schedule for the campaign date in the same step (ADR-014).
        await db.ScheduleForCampaignAsync(post, user.Actor(), now, rule, cancellationToken);
        await alerts.AddAsync(
            new StaffAlert(
                NotificationKind.ReviewDecided, post.Id, post.Version, StaffText.Get("ReviewApproved.Title"), post.Content.Title,
                $"/redaktion/beitraege/{post.Id}", To: [post.AuthorId], Except: user.Id),
            cancellationToken);
        return await db.CommitAsync(post, "post.approved", user, clock, scheduler, cancellationToken);
    }
}
