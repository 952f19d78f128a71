using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.Domain.Reminders;

namespace Platform.Application.Reminders;

/// <summary>Changes the channels, quiet hours and followed topics; each consent change is recorded.</summary>
/// <remarks>
/// <para><paramref name="Unsubscribed"/>: the kinds to keep stopped (<c>email:new-post</c>, ...); the others of the list are on again. Null: unchanged.</para>
/// <para><paramref name="StaffDigest"/>: staff's alerts by e-mail once a day instead of one by one. Null: unchanged.</para>
/// </remarks>
public sealed record UpdateNotificationSettingsCommand(
    bool Email,
    bool Push,
    string QuietStart,
    string QuietEnd,
    IReadOnlyList<string>? FollowedTopics = null,
    IReadOnlyList<string>? Unsubscribed = null,
    bool? StaffDigest = null) : ICommand<NotificationSettings>;

public sealed class UpdateNotificationSettingsValidator : AbstractValidator<UpdateNotificationSettingsCommand>
{
    public UpdateNotificationSettingsValidator()
    {
        RuleFor(c => c.QuietStart).Must(NotificationSettingsRules.IsTime).WithMessage(_ => ValidationMessages.Get("Notifications.QuietStartInvalid"));
        RuleFor(c => c.QuietEnd).Must(NotificationSettingsRules.IsTime).WithMessage(_ => ValidationMessages.Get("Notifications.QuietEndInvalid"));
        RuleFor(c => c).Must(c => c.QuietStart != c.QuietEnd).WithName("quietEnd").OverridePropertyName("quietEnd")
            .WithMessage(_ => ValidationMessages.Get("Notifications.QuietSame"));
        RuleForEach(c => c.FollowedTopics).Must(t => TopicNames.TryParse(t, out _)).WithMessage(_ => ValidationMessages.Get("Notifications.UnknownTopic"))
            .OverridePropertyName("followedTopics");
        RuleForEach(c => c.Unsubscribed).Must(u => NotificationSettingsRules.TryParseKind(u, out _, out _))
            .WithMessage(_ => ValidationMessages.Format("Notifications.UnknownKind", string.Join(", ", NotificationSettingsRules.KindNames)))
            .OverridePropertyName("unsubscribed");
    }
}

public sealed class UpdateNotificationSettingsHandler(
    IAppDbContext db, ICurrentUser user, ICurrentTenant tenant, IAccountService accounts, IPushSender push, TimeProvider clock)
    : ICommandHandler<UpdateNotificationSettingsCommand, NotificationSettings>
{
    public async ValueTask<NotificationSettings> Handle(UpdateNotificationSettingsCommand command, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId;
        var now = clock.GetUtcNow().UtcDateTime;
        var account = await accounts.GetDataAsync(userId, cancellationToken) ?? throw new NotFoundException("Konto", userId);
        var preferences = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (preferences is null)
        {
            preferences = NotificationPreferences.Default(tenant.RequiredId, userId, now);
            db.NotificationPreferences.Add(preferences);
        }

        foreach (var (channel, enabled) in new[] { (NotificationChannel.Email, command.Email), (NotificationChannel.Push, command.Push) })
        {
            if (preferences.SetChannel(channel, enabled, account.ConfirmedAtLeast16, now) is { } consent)
            {
                db.ConsentRecords.Add(consent);
            }
        }

        preferences.SetQuietHours(NotificationSettingsRules.Time(command.QuietStart), NotificationSettingsRules.Time(command.QuietEnd), now);
        if (command.FollowedTopics is { } topics)
        {
            preferences.Follow((int)NotificationSettingsRules.Topics(topics), now);
        }

        if (command.Unsubscribed is { } unsubscribed)
        {
            foreach (var (channel, kind) in NotificationSettingsRules.Kinds)
            {
                var name = NotificationSettingsRules.KindName(channel, kind);
                var stop = unsubscribed.Any(u => string.Equals(u, name, StringComparison.OrdinalIgnoreCase));
                if (preferences.SetKind(channel, kind, !stop, now) is { } consent)
                {
                    db.ConsentRecords.Add(consent);
                }
            }
        }

        if (command.StaffDigest is { } digest)
        {
            preferences.SetStaffDigest(digest, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return NotificationSettingsView.From(preferences, account.ConfirmedAtLeast16, push.PublicKey);
    }
}
