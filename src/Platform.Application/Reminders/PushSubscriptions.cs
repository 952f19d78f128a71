using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.Domain.Reminders;

namespace Platform.Application.Reminders;

internal static class PushKeyRules
{
    public static void Add<T>(AbstractValidator<T> validator, IPushEndpointPolicy policy, Func<T, string> endpoint, Func<T, string> p256dh, Func<T, string> auth)
    {
        validator.RuleFor(c => endpoint(c)).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(PushSubscription.MaxEndpointLength)
            .Must(e => Uri.TryCreate(e, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .WithMessage("Die Push-Adresse ist keine gültige Adresse.")
            .Must(policy.Allows).WithMessage(_ => ValidationMessages.Get("Push.EndpointNotAllowed"))
            .OverridePropertyName("endpoint");
        validator.RuleFor(c => p256dh(c)).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Der Schlüssel p256dh fehlt.")
            .Must(PushKeys.IsP256dh).WithMessage(_ => ValidationMessages.Get("Push.P256dhInvalid"))
            .OverridePropertyName("p256dh");
        validator.RuleFor(c => auth(c)).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Der Schlüssel auth fehlt.")
            .Must(PushKeys.IsAuth).WithMessage(_ => ValidationMessages.Get("Push.AuthInvalid"))
            .OverridePropertyName("auth");
    }
}

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
            tenant.RequiredId, userId, command.Endpoint, command.P256dh, command.Auth, 0, clock.GetUtcNow().UtcDateTime);
        db.PushSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return subscription.Id;
    }
}

/// <summary>
/// Anyone, without an account, follows topics by web push. The answer's id is the only handle on the subscription:
/// with it (or the unsubscribe link in every message) the person deletes it.
/// </summary>
public sealed record SubscribeTopicsCommand(string Endpoint, string P256dh, string Auth, IReadOnlyList<string> Topics) : ICommand<TopicSubscription>;

public sealed record TopicSubscription(Guid Id, IReadOnlyList<string> Topics);

public sealed class SubscribeTopicsValidator : AbstractValidator<SubscribeTopicsCommand>
{
    public SubscribeTopicsValidator(IPushEndpointPolicy policy)
    {
        PushKeyRules.Add(this, policy, c => c.Endpoint, c => c.P256dh, c => c.Auth);
        RuleFor(c => c.Topics).NotEmpty().WithMessage("Bitte wähle mindestens ein Thema.");
        RuleForEach(c => c.Topics).Must(t => TopicNames.TryParse(t, out _)).WithMessage("Dieses Thema gibt es nicht.").OverridePropertyName("topics");
    }
}

public sealed class SubscribeTopicsHandler(IAppDbContext db, ICurrentTenant tenant, TimeProvider clock)
    : ICommandHandler<SubscribeTopicsCommand, TopicSubscription>
{
    public async ValueTask<TopicSubscription> Handle(SubscribeTopicsCommand command, CancellationToken cancellationToken)
    {
        var flags = NotificationSettingsRules.Topics(command.Topics);

        var subscription = PushSubscription.Create(
            tenant.RequiredId, null, command.Endpoint, command.P256dh, command.Auth, (int)flags, clock.GetUtcNow().UtcDateTime);
        db.PushSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new TopicSubscription(subscription.Id, TopicNames.ToNames(flags));
    }
}

/// <summary>Deletes an anonymous topic subscription by its id.</summary>
public sealed record DeleteTopicSubscriptionCommand(Guid SubscriptionId) : ICommand;

public sealed class DeleteTopicSubscriptionHandler(IAppDbContext db) : ICommandHandler<DeleteTopicSubscriptionCommand>
{
    public async ValueTask<Unit> Handle(DeleteTopicSubscriptionCommand command, CancellationToken cancellationToken)
    {
        var anonymous = await db.PushSubscriptions.AnyAsync(s => s.Id == command.SubscriptionId && s.UserId == null, cancellationToken);
        if (!anonymous || !await PushSubscriptionRemoval.RemoveAsync(db, command.SubscriptionId, cancellationToken))
        {
            throw new NotFoundException("Abonnement", command.SubscriptionId);
        }

        return Unit.Value;
    }
}
