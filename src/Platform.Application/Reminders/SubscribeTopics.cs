using FluentValidation;
using Mediator;
using Platform.Application.Common;
using Platform.Application.Resources;
using Platform.Domain.Posts;
using Platform.Domain.Reminders;

namespace Platform.Application.Reminders;

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
        RuleFor(c => c.Topics).NotEmpty().WithMessage(_ => ValidationMessages.Get("Topics.ChooseOne"));
        RuleForEach(c => c.Topics).Must(t => TopicNames.TryParse(t, out _)).WithMessage(_ => ValidationMessages.Get("Notifications.UnknownTopic")).OverridePropertyName("topics");
    }
}

public sealed class SubscribeTopicsHandler(IAppDbContext db, ICurrentTenant tenant, TimeProvider clock)
    : ICommandHandler<SubscribeTopicsCommand, TopicSubscription>
{
    public async ValueTask<TopicSubscription> Handle(SubscribeTopicsCommand command, CancellationToken cancellationToken)
    {
        var flags = NotificationSettingsRules.Topics(command.Topics);

        var subscription = PushSubscription.Create(
            tenant.RequiredId, null, command.Endpoint, command.P256dh, command.Auth, (int)flags, clock.GetUtcNow().UtcDateTime, EmailText.Current());
        db.PushSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new TopicSubscription(subscription.Id, TopicNames.ToNames(flags));
    }
}
