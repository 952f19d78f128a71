using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.Domain.Reminders;

namespace Platform.Application.Reminders;

/// <summary>
/// The signed-in person follows one topic, or stops following it, from where they read it (the feed's topic page);
/// the other topics and settings stay as they are. Following twice changes nothing.
/// </summary>
public sealed record FollowTopicCommand(string Topic, bool Follow) : ICommand<FollowedTopics>;

public sealed class FollowTopicValidator : AbstractValidator<FollowTopicCommand>
{
    public FollowTopicValidator()
    {
        RuleFor(c => c.Topic).Must(t => TopicNames.TryParse(t, out _)).WithMessage(_ => ValidationMessages.Get("Notifications.UnknownTopic")).OverridePropertyName("topic");
    }
}

public sealed class FollowTopicHandler(IAppDbContext db, ICurrentUser user, ICurrentTenant tenant, TimeProvider clock)
    : ICommandHandler<FollowTopicCommand, FollowedTopics>
{
    public async ValueTask<FollowedTopics> Handle(FollowTopicCommand command, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!TopicNames.TryParse(command.Topic, out var topic))
        {
            throw new NotFoundException("Thema", command.Topic);
        }

        var preferences = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var followed = (Topics)(preferences?.FollowedTopics ?? 0);
        var wanted = command.Follow ? followed | topic : followed & ~topic;
        if (wanted != followed)
        {
            if (preferences is null)
            {
                preferences = NotificationPreferences.Default(tenant.RequiredId, userId, now);
                db.NotificationPreferences.Add(preferences);
            }

            preferences.Follow((int)wanted, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new FollowedTopics(TopicNames.ToNames(wanted));
    }
}
