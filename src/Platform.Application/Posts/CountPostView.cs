using FluentValidation;
using Mediator;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>
/// One reading of a published post, added to the post's count for today (Europe/Berlin). Nothing about the reader is
/// stored: the count is post, day and a number.
/// </summary>
/// <remarks>
/// Counted in this node's memory (<see cref="PostViewBuffer"/>), not in the database: one write per reading made a
/// counted post page three times slower than an uncounted one on SQLite. The node adds its counts to the database every
/// few seconds and when it stops (<c>PostViewFlusher</c>); a crash in between loses at most that node's readings of one
/// period (ADR-031).
/// </remarks>
public sealed record CountPostViewCommand(Guid PostId) : ICommand;

public sealed class CountPostViewValidator : AbstractValidator<CountPostViewCommand>
{
    public CountPostViewValidator()
    {
        RuleFor(c => c.PostId).NotEmpty().OverridePropertyName("postId");
    }
}

public sealed class CountPostViewHandler(PostViewBuffer buffer, ICurrentTenant tenant, TimeProvider clock) : ICommandHandler<CountPostViewCommand>
{
    public ValueTask<Unit> Handle(CountPostViewCommand command, CancellationToken cancellationToken)
    {
        buffer.Add(tenant.RequiredId, command.PostId, PostViewDay.DayOf(clock.GetUtcNow().UtcDateTime));
        return ValueTask.FromResult(Unit.Value);
    }
}
