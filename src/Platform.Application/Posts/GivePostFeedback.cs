using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>
/// A reader answers "Hat dir das geholfen?" under a published post of the current jobcenter: one more yes or no in
/// the post's count of the day, and nothing else is kept (no account, device, address or cookie). Another jobcenter's
/// post, or one not published, is not found (404).
/// </summary>
public sealed record GivePostFeedbackCommand(Guid PostId, bool? Helpful) : ICommand;

public sealed class GivePostFeedbackValidator : AbstractValidator<GivePostFeedbackCommand>
{
    public GivePostFeedbackValidator()
    {
        RuleFor(c => c.PostId).NotEmpty().WithMessage(_ => ValidationMessages.Get("Posts.IdMissing")).OverridePropertyName("postId");
        RuleFor(c => c.Helpful).NotNull().WithMessage(_ => ValidationMessages.Get("Posts.HelpfulMissing")).OverridePropertyName("helpful");
    }
}

public sealed class GivePostFeedbackHandler(IAppDbContext db, ICurrentTenant tenant, TimeProvider clock, IDatabaseErrors errors) : ICommandHandler<GivePostFeedbackCommand>
{
    /// <summary>A day's first answer that another request inserted at the same moment is tried again, this often.</summary>
    private const int Attempts = 3;

    public async ValueTask<Unit> Handle(GivePostFeedbackCommand command, CancellationToken cancellationToken)
    {
        var postId = command.PostId;
        if (!await db.Posts.AnyAsync(p => p.Id == postId && p.Status == PostStatus.Published, cancellationToken))
        {
            throw new NotFoundException("Beitrag", postId);
        }

        var helpful = command.Helpful!.Value;
        var day = PostViewDay.DayOf(clock.GetUtcNow().UtcDateTime);
        for (var attempt = 1; ; attempt++)
        {
            // One statement adds the answer to the row that is there (Yes = Yes + 1), so concurrent taps never lose one.
            var rows = db.PostFeedbackDays.Where(f => f.PostId == postId && f.Day == day);
            var updated = helpful
                ? await rows.ExecuteUpdateAsync(s => s.SetProperty(f => f.Yes, f => f.Yes + 1), cancellationToken)
                : await rows.ExecuteUpdateAsync(s => s.SetProperty(f => f.No, f => f.No + 1), cancellationToken);
            if (updated > 0)
            {
                return Unit.Value;
            }

            var first = PostFeedbackDay.First(tenant.RequiredId, postId, day, helpful);
            db.PostFeedbackDays.Add(first);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Unit.Value;
            }
            catch (DbUpdateException exception) when (attempt < Attempts && errors.IsUniqueViolation(exception))
            {
                // Another tap inserted the day's row first: the next round adds this answer to it.
            }
            finally
            {
                ((DbContext)db).Entry(first).State = EntityState.Detached;
            }
        }
    }
}
