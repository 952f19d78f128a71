using FluentValidation;
using Mediator;
using Platform.Application.Common;

namespace Platform.Application.Posts;

/// <summary>Takes a scheduled post off the schedule (its job is deleted); it stays approved.</summary>
public sealed record CancelPostScheduleCommand(Guid PostId) : ICommand<PostState>;

public sealed class CancelPostScheduleValidator : AbstractValidator<CancelPostScheduleCommand>
{
    public CancelPostScheduleValidator()
    {
        RuleFor(c => c.PostId).NotEmpty();
    }
}

public sealed class CancelPostScheduleHandler(
    IAppDbContext db, ICurrentUser user, TimeProvider clock, IPostPublicationScheduler scheduler)
    : ICommandHandler<CancelPostScheduleCommand, PostState>
{
    public async ValueTask<PostState> Handle(CancelPostScheduleCommand command, CancellationToken cancellationToken)
    {
        var post = await db.LoadPostAsync(command.PostId, cancellationToken);
        post.CancelSchedule(user.Actor(), clock.GetUtcNow().UtcDateTime);
        return await db.CommitAsync(post, "post.scheduleCancelled", user, clock, scheduler, cancellationToken);
    }
}
