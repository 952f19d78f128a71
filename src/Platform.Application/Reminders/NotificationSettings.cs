using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.Domain.Reminders;

namespace Platform.Application.Reminders;

/// <summary>How the signed-in person wants to be notified.</summary>
public sealed record GetNotificationSettingsQuery : IQuery<NotificationSettings>;

/// <param name="QuietStart">Europe/Berlin wall time, <c>HH:mm</c>.</param>
/// <param name="Unsubscribed">
/// Kinds of message stopped on a channel by the unsubscribe link of such a message, as <c>channel:kind</c> (for example
/// <c>email:new-post</c>); the channel stays on for the other kinds.
/// </param>
public sealed record NotificationSettings(
    bool InApp,
    bool Email,
    bool Push,
    string QuietStart,
    string QuietEnd,
    IReadOnlyList<string> FollowedTopics,
    bool MayUseEmailAndPush,
    string PushPublicKey,
    IReadOnlyList<string> Unsubscribed);

/// <summary>Changes the channels, quiet hours and followed topics; each consent change is recorded.</summary>
/// <param name="Unsubscribed">The kinds to keep stopped (<c>email:new-post</c>, ...); the others of the list are on again. Null: unchanged.</param>
public sealed record UpdateNotificationSettingsCommand(
    bool Email,
    bool Push,
    string QuietStart,
    string QuietEnd,
    IReadOnlyList<string>? FollowedTopics = null,
    IReadOnlyList<string>? Unsubscribed = null) : ICommand<NotificationSettings>;

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

public static class NotificationSettingsRules
{
    public static bool IsTime(string? value) => TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static TimeOnly Time(string value) => TimeOnly.ParseExact(value, "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The flags of the valid topic names (the validator has refused any other).</summary>
    public static Topics Topics(IEnumerable<string> names) =>
        names.Aggregate(Domain.Posts.Topics.None, (flags, name) => TopicNames.TryParse(name, out var topic) ? flags | topic : flags);

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Every channel and kind a person can stop on its own.</summary>
    public static IEnumerable<(NotificationChannel Channel, NotificationKind Kind)> Kinds =>
        from channel in new[] { NotificationChannel.Email, NotificationChannel.Push }
        from kind in Enum.GetValues<NotificationKind>()
        select (channel, kind);

    /// <summary>The same as <c>channel:kind</c>, for example <c>email:new-post</c>.</summary>
    public static IEnumerable<string> KindNames => Kinds.Select(k => KindName(k.Channel, k.Kind));

    public static string KindName(NotificationChannel channel, NotificationKind kind) =>
        $"{(channel == NotificationChannel.Email ? "email" : "push")}:{ConsentRecord.KindName(kind)}";

    public static bool TryParseKind(string? name, out NotificationChannel channel, out NotificationKind kind)
    {
        foreach (var c in new[] { NotificationChannel.Email, NotificationChannel.Push })
        {
            foreach (var k in Enum.GetValues<NotificationKind>())
            {
                if (string.Equals(name, KindName(c, k), StringComparison.OrdinalIgnoreCase))
                {
                    (channel, kind) = (c, k);
                    return true;
                }
            }
        }

        (channel, kind) = (default, default);
        return false;
    }
}

public sealed class GetNotificationSettingsHandler(IAppDbContext db, ICurrentUser user, IAccountService accounts, IPushSender push)
    : IQueryHandler<GetNotificationSettingsQuery, NotificationSettings>
{
    public async ValueTask<NotificationSettings> Handle(GetNotificationSettingsQuery query, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId;
        var account = await accounts.GetDataAsync(userId, cancellationToken) ?? throw new NotFoundException("Konto", userId);
        var preferences = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return NotificationSettingsView.From(preferences, account.ConfirmedAtLeast16, push.PublicKey);
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
            preferences = Domain.Reminders.NotificationPreferences.Default(tenant.RequiredId, userId, now);
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

        await db.SaveChangesAsync(cancellationToken);
        return NotificationSettingsView.From(preferences, account.ConfirmedAtLeast16, push.PublicKey);
    }
}

internal static class NotificationSettingsView
{
    public static NotificationSettings From(Domain.Reminders.NotificationPreferences? p, bool atLeast16, string publicKey) => new(
        InApp: true,
        Email: p?.EmailEnabled ?? false,
        Push: p?.PushEnabled ?? false,
        QuietStart: NotificationSettingsRules.Format(p?.QuietStart ?? Domain.Reminders.NotificationPreferences.DefaultQuietStart),
        QuietEnd: NotificationSettingsRules.Format(p?.QuietEnd ?? Domain.Reminders.NotificationPreferences.DefaultQuietEnd),
        FollowedTopics: TopicNames.ToNames((Topics)(p?.FollowedTopics ?? 0)),
        MayUseEmailAndPush: ConsentRules.MayConsentToReminders(atLeast16),
        PushPublicKey: publicKey,
        Unsubscribed: p is null ? [] : [.. NotificationSettingsRules.Kinds
            .Where(k => p.IsMuted(k.Channel, k.Kind))
            .Select(k => NotificationSettingsRules.KindName(k.Channel, k.Kind))]);
}
