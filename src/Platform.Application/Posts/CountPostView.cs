using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>
/// One reading of a published post, added to the post's count for today (Europe/Berlin). Nothing about the reader is
/// stored: the row is post, day and a number.
/// </summary>
/// <remarks>
/// Counted straight in the database rather than buffered in memory: with several web nodes a buffer would be one more
/// copy that a restart loses (ARCHITECTURE: nothing in memory is the only copy), and one indexed
/// <c>UPDATE ... SET Count = Count + 1</c> per reading is cheap. The update is atomic on every provider; only the
/// first reading of a day inserts, and when two first readings race, the loser's insert hits the key and it updates.
/// </remarks>
public sealed record CountPostViewCommand(Guid PostId) : ICommand;

public sealed class CountPostViewValidator : AbstractValidator<CountPostViewCommand>
{
    public CountPostViewValidator()
    {
        RuleFor(c => c.PostId).NotEmpty().OverridePropertyName("postId");
    }
}

public sealed class CountPostViewHandler(IAppDbContext db, ICurrentTenant tenant, TimeProvider clock) : ICommandHandler<CountPostViewCommand>
{
    public async ValueTask<Unit> Handle(CountPostViewCommand command, CancellationToken cancellationToken)
    {
        var day = PostViewDay.DayOf(clock.GetUtcNow().UtcDateTime);
        if (await IncrementAsync(command.PostId, day, cancellationToken))
        {
            return Unit.Value;
        }

        var first = PostViewDay.First(tenant.RequiredId, command.PostId, day);
        db.PostViewDays.Add(first);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
        catch (DbUpdateException)
        {
            // Another reading inserted today's row first: add this one to it.
        }
        finally
        {
            ((DbContext)db).Entry(first).State = EntityState.Detached;
        }

        await IncrementAsync(command.PostId, day, cancellationToken);
        return Unit.Value;
    }

    private async Task<bool> IncrementAsync(Guid postId, DateOnly day, CancellationToken cancellationToken) =>
        await db.PostViewDays
            .Where(v => v.PostId == postId && v.Day == day)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Count, v => v.Count + 1), cancellationToken) > 0;
}
