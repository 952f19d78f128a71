using FluentValidation;
using Mediator;
using Platform.Application.Common;

namespace Platform.Application.Posts;

/// <summary>Schedules a post of the current tenant for publication at a future time (UTC).</summary>
public sealed record SchedulePostCommand(Guid PostId, DateTime PublishAt) : ICommand;

public sealed class SchedulePostValidator : AbstractValidator<SchedulePostCommand>
{
    public SchedulePostValidator()
    {
        RuleFor(c => c.PostId).NotEmpty();
        RuleFor(c => c.PublishAt).Must(d => d.Kind == DateTimeKind.Utc).WithMessage("Die Zeit muss in UTC angegeben sein.");
    }
}

public sealed class SchedulePostHandler(
    IAppDbContext db, ICurrentTenant tenant, TimeProvider clock, IPostPublicationScheduler scheduler)
    : ICommandHandler<SchedulePostCommand>
{
    public async ValueTask<Unit> Handle(SchedulePostCommand command, CancellationToken cancellationToken)
    {
        var post = await db.Posts.FindAsync([command.PostId], cancellationToken)
            ?? throw new NotFoundException("Post", command.PostId);

        post.Schedule(command.PublishAt, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);

        // Only after the commit: a job for a row that was never saved would publish nothing, or worse.
        scheduler.SchedulePublication(tenant.RequiredId, post.Id, command.PublishAt);
        return Unit.Value;
    }
}
