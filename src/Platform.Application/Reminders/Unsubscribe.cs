using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Reminders;

namespace Platform.Application.Reminders;

/// <summary>
/// The one-tap unsubscribe of every e-mail and push message, without sign-in: stops exactly the kind of message the link
/// came with on its channel (recorded as a withdrawn consent), or deletes an anonymous topic subscription. Running it
/// twice changes nothing the second time.
/// </summary>
public sealed record UnsubscribeCommand(string Token) : ICommand<UnsubscribeResult>;

public sealed record UnsubscribeResult(NotificationChannel Channel, bool Changed, NotificationKind? Kind = null);

public sealed class UnsubscribeValidator : AbstractValidator<UnsubscribeCommand>
{
    public UnsubscribeValidator() =>
        RuleFor(c => c.Token).NotEmpty().MaximumLength(2000).WithMessage(_ => ValidationMessages.Get("Unsubscribe.Incomplete"));
}

public sealed class UnsubscribeHandler(IAppDbContext db, ICurrentTenant tenant, IUnsubscribeTokens tokens, TimeProvider clock)
    : ICommandHandler<UnsubscribeCommand, UnsubscribeResult>
{
    public async ValueTask<UnsubscribeResult> Handle(UnsubscribeCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenant.RequiredId;
        var target = tokens.Read(tenantId, command.Token)
            ?? throw new ValidationException([new ValidationFailure("token", "Dieser Abmelde-Link ist ungültig.")]);
        var now = clock.GetUtcNow().UtcDateTime;

        if (target.PushSubscriptionId is { } subscriptionId)
        {
            var removed = await PushSubscriptionRemoval.RemoveAsync(db, subscriptionId, cancellationToken);
            return new UnsubscribeResult(NotificationChannel.Push, removed);
        }

        var userId = target.UserId ?? throw new NotFoundException("Konto", Guid.Empty);
        var preferences = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var consent = target.Kind is { } kind
            ? preferences?.Mute(target.Channel, kind, now)
            : preferences?.SetChannel(target.Channel, false, confirmedAtLeast16: true, now);
        if (consent is null)
        {
            return new UnsubscribeResult(target.Channel, false, target.Kind);
        }

        db.ConsentRecords.Add(consent.WithSource("unsubscribe-link"));
        await db.SaveChangesAsync(cancellationToken);
        return new UnsubscribeResult(target.Channel, true, target.Kind);
    }
}

internal static class PushSubscriptionRemoval
{
    /// <summary>A subscription goes with its pending messages (they are no cascading children, see the configuration).</summary>
    public static async Task<bool> RemoveAsync(IAppDbContext db, Guid subscriptionId, CancellationToken cancellationToken)
    {
        await db.ReminderDeliveries.Where(d => d.PushSubscriptionId == subscriptionId).ExecuteDeleteAsync(cancellationToken);
        return await db.PushSubscriptions.Where(s => s.Id == subscriptionId).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
