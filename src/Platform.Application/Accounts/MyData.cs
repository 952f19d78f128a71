using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Events;
using Platform.Application.Reminders;

namespace Platform.Application.Accounts;

/// <summary>"Meine Daten": everything the platform holds about the signed-in person, as one document.</summary>
public sealed record ExportMyDataQuery : IQuery<MyDataExport>;

public sealed record MyDataExport(
    DateTime ExportedAt,
    string Jobcenter,
    AccountData Account,
    IReadOnlyList<MyConsent> Consents,
    IReadOnlyList<ReminderSummary> Reminders,
    IReadOnlyList<NotificationItem> Notifications,
    MyNotificationSettings NotificationSettings,
    int PushSubscriptions,
    IReadOnlyList<MyEventRegistrationData> EventRegistrations,
    IReadOnlyList<MyBookmarkData> Bookmarks);

/// <summary>A post on the "Merkliste", also one no longer published.</summary>
public sealed record MyBookmarkData(Guid PostId, string Post, DateTime BookmarkedAt);

/// <summary>A sign-up for an event, also a cancelled one.</summary>
public sealed record MyEventRegistrationData(Guid EventId, string Event, DateTime? StartsAt, string Status, DateTime RegisteredAt, DateTime UpdatedAt);

/// <summary>The notification preferences as stored (null: never changed, the defaults apply).</summary>
public sealed record MyNotificationSettings(bool Email, bool Push, TimeOnly QuietStart, TimeOnly QuietEnd, int FollowedTopics, DateTime? UpdatedAt);

/// <param name="At">When it was given, or when the person registered without giving it.</param>
public sealed record MyConsent(string Purpose, bool Given, DateTime At);

public sealed class ExportMyDataHandler(IAccountService accounts, IAppDbContext db, ICurrentUser user, ICurrentTenant tenant, TimeProvider clock)
    : IQueryHandler<ExportMyDataQuery, MyDataExport>
{
    public async ValueTask<MyDataExport> Handle(ExportMyDataQuery query, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId;
        var data = await accounts.GetDataAsync(userId, cancellationToken)
            ?? throw new NotFoundException("Konto", userId);
        var consents = await db.ConsentRecords.AsNoTracking()
            .Where(c => c.UserId == userId)
            .OrderBy(c => c.At)
            .Select(c => new MyConsent(c.Purpose, c.Given, c.At))
            .ToListAsync(cancellationToken);
        var reminders = await db.Reminders.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.DueAt).ToListAsync(cancellationToken);
        var notifications = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderBy(n => n.CreatedAt)
            .Select(n => new NotificationItem(n.Id, n.Title, n.Text, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
        var settings = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.UserId == userId)
            .Select(p => new MyNotificationSettings(p.EmailEnabled, p.PushEnabled, p.QuietStart, p.QuietEnd, p.FollowedTopics, p.UpdatedAt))
            .FirstOrDefaultAsync(cancellationToken);
        var registrations = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.UserId == userId)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new
            {
                r.PostId,
                r.Status,
                r.CreatedAt,
                r.UpdatedAt,
                Title = db.Posts.Where(p => p.Id == r.PostId).Select(p => p.Title).FirstOrDefault() ?? "",
                StartsAt = db.Posts.Where(p => p.Id == r.PostId).Select(p => p.EventStartsAt).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var bookmarks = await db.Bookmarks.AsNoTracking()
            .Where(b => b.UserId == userId)
            .OrderBy(b => b.CreatedAt)
            .Select(b => new MyBookmarkData(b.PostId, db.Posts.Where(p => p.Id == b.PostId).Select(p => p.Title).FirstOrDefault() ?? "", b.CreatedAt))
            .ToListAsync(cancellationToken);
        var defaults = Domain.Reminders.NotificationPreferences.Default(Guid.Empty, userId, data.CreatedAt);
        return new MyDataExport(
            clock.GetUtcNow().UtcDateTime,
            tenant.Tenant?.DisplayName ?? "Plattform",
            data,
            [new MyConsent("Mindestens 16 Jahre alt (Voraussetzung für E-Mail- und Push-Erinnerungen)", data.ConfirmedAtLeast16, data.ConfirmedAtLeast16At ?? data.CreatedAt), .. consents],
            [.. reminders.Select(r => ReminderViews.Summary(r, 0))],
            notifications,
            settings ?? new MyNotificationSettings(defaults.EmailEnabled, defaults.PushEnabled, defaults.QuietStart, defaults.QuietEnd, 0, null),
            await db.PushSubscriptions.CountAsync(s => s.UserId == userId, cancellationToken),
            [.. registrations.Select(r => new MyEventRegistrationData(r.PostId, r.Title, r.StartsAt, EventQueries.StatusName(r.Status), r.CreatedAt, r.UpdatedAt))],
            bookmarks);
    }
}

/// <summary>
/// Deletes the signed-in person's account and personal data at once. The request has to say so explicitly: the
/// account's password, or for an account without one (passkeys only) <see cref="Confirmation"/> in
/// <paramref name="Confirm"/>, so that no stray call deletes an account.
/// </summary>
public sealed record DeleteMyAccountCommand(string? Password, string? Confirm) : ICommand
{
    /// <summary>What an account without a password types to confirm the deletion.</summary>
    public const string Confirmation = "KONTO LÖSCHEN";
}

public sealed class DeleteMyAccountHandler(IAccountService accounts, IAppDbContext db, ICurrentUser user, ICurrentTenant tenant, TimeProvider clock) : ICommandHandler<DeleteMyAccountCommand>
{
    public async ValueTask<Unit> Handle(DeleteMyAccountCommand command, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId;
        await EnsureConfirmedAsync(userId, command, cancellationToken);

        // Most of these would go with the account row (cascading keys); deleting them here says so, and catches the
        // messages about new posts, which hang on no reminder.
        await CancelEventRegistrationsAsync(userId, cancellationToken);
        await db.ReminderDeliveries.Where(d => d.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Reminders.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Notifications.Where(n => n.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.PushSubscriptions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ConsentRecords.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.NotificationPreferences.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Bookmarks.Where(b => b.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (!await accounts.DeleteAsync(userId, cancellationToken))
        {
            throw new NotFoundException("Konto", user.RequiredId);
        }

        return Unit.Value;
    }

    private async Task EnsureConfirmedAsync(Guid userId, DeleteMyAccountCommand command, CancellationToken cancellationToken)
    {
        if (await accounts.HasPasswordAsync(userId, cancellationToken))
        {
            if (string.IsNullOrEmpty(command.Password))
            {
                throw Refused(nameof(command.Password), ValidationMessages.Get("Accounts.DeletePasswordRequired"));
            }

            if (!await accounts.CheckPasswordAsync(userId, command.Password, cancellationToken))
            {
                throw Refused(nameof(command.Password), ValidationMessages.Get("Accounts.DeletePasswordWrong"));
            }
        }
        else if (!string.Equals(command.Confirm?.Trim(), DeleteMyAccountCommand.Confirmation, StringComparison.Ordinal))
        {
            throw Refused(nameof(command.Confirm), ValidationMessages.Format("Accounts.DeleteConfirmRequired", DeleteMyAccountCommand.Confirmation));
        }
    }

    private static FluentValidation.ValidationException Refused(string field, string message) =>
        new([new FluentValidation.Results.ValidationFailure(field, message)]);

    // A confirmed seat goes to the next person waiting, as with a cancellation; then the rows go.
    private async Task CancelEventRegistrationsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var confirmed = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.UserId == userId && r.Status == Domain.Events.RegistrationStatus.Confirmed)
            .Select(r => r.PostId)
            .ToListAsync(cancellationToken);
        foreach (var postId in confirmed)
        {
            var capacity = await db.Posts.Where(p => p.Id == postId).Select(p => p.EventCapacity).FirstOrDefaultAsync(cancellationToken);
            await EventSeatLock.RunAsync(db, tenant.RequiredId, postId, async _ =>
            {
                await db.EventRegistrations.Where(r => r.PostId == postId && r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
                return await EventSeatLock.PromoteWaitingAsync(db, postId, capacity, clock.GetUtcNow().UtcDateTime, cancellationToken);
            }, cancellationToken);
        }

        await db.EventRegistrations.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
