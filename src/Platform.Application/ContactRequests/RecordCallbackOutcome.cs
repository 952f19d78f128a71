using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.ContactRequests;

namespace Platform.Application.ContactRequests;

/// <summary>Staff note how a booked callback went: <c>reached</c> (erledigt) or <c>not-reached</c> (nicht erreicht).</summary>
public sealed record RecordCallbackOutcomeCommand(Guid Id, string? Outcome) : ICommand;

public sealed class RecordCallbackOutcomeValidator : AbstractValidator<RecordCallbackOutcomeCommand>
{
    public RecordCallbackOutcomeValidator() =>
        RuleFor(c => c.Outcome)
            .Must(o => o is CallbackOutcomes.Reached or CallbackOutcomes.NotReached)
            .WithMessage($"Das Ergebnis ist \"{CallbackOutcomes.Reached}\" oder \"{CallbackOutcomes.NotReached}\".");
}

public sealed class RecordCallbackOutcomeHandler(IAppDbContext db, ICurrentUser actor, TimeProvider clock) : ICommandHandler<RecordCallbackOutcomeCommand>
{
    public async ValueTask<Unit> Handle(RecordCallbackOutcomeCommand command, CancellationToken cancellationToken)
    {
        var booking = await db.CallbackBookings.SingleOrDefaultAsync(b => b.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Rückruf", command.Id);
        booking.Record(
            command.Outcome == CallbackOutcomes.Reached ? CallbackOutcome.Reached : CallbackOutcome.NotReached, actor.DisplayName, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
