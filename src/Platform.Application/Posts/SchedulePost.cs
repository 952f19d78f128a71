using FluentValidation;
using Mediator;
using Platform.Application.Common;

namespace Platform.Application.Posts;

/// <summary>
/// Schedules (or reschedules) a post of the current tenant for publication at a future time (UTC). Under the four-eyes
/// rule only an approved post, and only by a Reviewer or TenantAdmin. The old job is replaced by one for the new time.
/// </summary>
public sealed record SchedulePostCommand(Guid PostId, DateTime PublishAt) : ICommand<PostState>;

public sealed class SchedulePostValidator : AbstractValidator<SchedulePostCommand>
{
    public SchedulePostValidator()
    {
        RuleFor(c => c.PostId).NotEmpty();
        RuleFor(c => c.PublishAt).Must(d => d.Kind == DateTimeKind.Utc).WithMessage("Die Zeit muss in UTC angegeben sein.");
    }
}

public sealed class SchedulePostHandler(
    IAppDbContext db, ICurrentTenant tenant, ICurrentUser user, TimeProvider clock, IPostPublicationScheduler scheduler)
    : ICommandHandler<SchedulePostCommand, PostState>
{
    public async ValueTask<PostState> Handle(SchedulePostCommand command, CancellationToken cancellationToken)
    {
        var rule = await db.FourEyesRuleAsync(tenant, cancellationToken);
        user.RequireReviewer(rule);
        var post = await db.LoadPostAsync(command.PostId, cancellationToken);
        post.Schedule(command.PublishAt, user.Actor(), clock.GetUtcNow().UtcDateTime, rule);

        // The job only after the commit: a job for a row that was never saved would publish nothing, or worse.
        return await db.CommitAsync(post, "post.scheduled", user, clock, scheduler, cancellationToken);
    }
}
