using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Resources;
using Platform.Domain.Reminders;

namespace Platform.Application.Reminders;

/// <summary>The signed-in person's browser subscribes to push (for reminders); the same endpoint is stored once.</summary>
public sealed record SubscribePushCommand(string Endpoint, string P256dh, string Auth) : ICommand<Guid>;

public sealed class SubscribePushValidator : AbstractValidator<SubscribePushCommand>
{
    public SubscribePushValidator(IPushEndpointPolicy policy) => PushKeyRules.Add(this, policy, c => c.Endpoint, c => c.P256dh, c => c.Auth);
}

public sealed class SubscribePushHandler(IAppDbContext db, ICurrentUser user, ICurrentTenant tenant, TimeProvider clock)
    : ICommandHandler<SubscribePushCommand, Guid>
{
    public async ValueTask<Guid> Handle(SubscribePushCommand command, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId;
        var existing = await db.PushSubscriptions.FirstOrDefaultAsync(s => s.UserId == userId && s.Endpoint == command.Endpoint, cancellationToken);
        if (existing is not null)
        {
            return existing.Id;
        }

        var subscription = PushSubscription.Create(
            tenant.RequiredId, userId, command.Endpoint, command.P256dh, command.Auth, 0, clock.GetUtcNow().UtcDateTime, EmailText.Current());
        db.PushSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return subscription.Id;
    }
}
