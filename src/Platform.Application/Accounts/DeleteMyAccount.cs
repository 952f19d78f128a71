using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Events;
using Platform.Application.Reminders;
using Platform.Domain.Events;

namespace Platform.Application.Accounts;

/// <summary>
/// Deletes the signed-in person's account and personal data at once: every row that names them, the contact requests
/// sent from their address, invitations to it, and the jobs whose arguments carry their id or address. The request has
/// to say so explicitly: the account's password, or for an account without one (passkeys only)
/// <see cref="Confirmation"/> in <paramref name="Confirm"/> (or the same words in the page's language,
/// <see cref="LocalConfirmation"/>), so that no stray call deletes an account.
/// </summary>
public sealed record DeleteMyAccountCommand(string? Password, string? Confirm) : ICommand
{
    /// <summary>What an account without a password types to confirm the deletion.</summary>
    public const string Confirmation = "KONTO LÖSCHEN";

    /// <summary>The words to type in the current UI language ("HESABI SİL"); <see cref="Confirmation"/> always counts too.</summary>
    public static string LocalConfirmation => ValidationMessages.Get("Accounts.DeleteConfirmation");

    public static bool IsConfirmed(string? typed)
    {
        var words = typed?.Trim();
        return string.Equals(words, Confirmation, StringComparison.Ordinal) || string.Equals(words, LocalConfirmation, StringComparison.Ordinal);
    }
}

public sealed class DeleteMyAccountHandler(
    IAccountService accounts, IAppDbContext db, IRecipientDirectory directory, ICurrentUser user, ICurrentTenant tenant, IJobHistoryEraser jobs, TimeProvider clock)
    : ICommandHandler<DeleteMyAccountCommand>
{
    public async ValueTask<Unit> Handle(DeleteMyAccountCommand command, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId;
        await EnsureConfirmedAsync(userId, command, cancellationToken);

        // Most of these would go with the account row (cascading keys); deleting them here says so, and catches the
        // messages about new posts, which hang on no reminder.
        var email = (await accounts.GetDataAsync(userId, cancellationToken))?.Email.Trim() ?? "";
        await CancelEventRegistrationsAsync(userId, cancellationToken);
        await db.ReminderDeliveries.Where(d => d.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Reminders.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Notifications.Where(n => n.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.PushSubscriptions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ConsentRecords.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.NotificationPreferences.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Bookmarks.Where(b => b.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (email.Length > 0)
        {
            // The contact form stores no account, so its requests are those from the person's address (name, phone and
            // message with them); invitations to the address go too.
            var normalized = email.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL UPPER(): the same on every provider, where a culture means nothing.
            await db.ContactRequests.Where(c => c.Email.ToUpper() == normalized).ExecuteDeleteAsync(cancellationToken);
            var callbacks = db.CallbackBookings.Where(c => c.Email.ToUpper() == normalized).Select(c => (Guid?)c.Id);
            await db.ReminderDeliveries.Where(d => d.CallbackBookingId != null && callbacks.Contains(d.CallbackBookingId)).ExecuteDeleteAsync(cancellationToken);
            await db.CallbackBookings.Where(c => c.Email.ToUpper() == normalized).ExecuteDeleteAsync(cancellationToken);
            await db.Invitations.Where(i => i.Email.ToUpper() == normalized).ExecuteDeleteAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
        }

        // Invitations the person sent stay with the team that has the colleague now, without naming who sent them.
        await db.Invitations.Where(i => i.InvitedBy == userId).ExecuteUpdateAsync(s => s.SetProperty(i => i.InvitedBy, Guid.Empty), cancellationToken);
        if (!await accounts.DeleteAsync(userId, cancellationToken))
        {
            throw new NotFoundException("Konto", user.RequiredId);
        }

        // Last, so that no job queued meanwhile (a confirmation mail) is left behind; the jobs find no account any more.
        await jobs.EraseAsync(userId, email, cancellationToken);

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
        else if (!DeleteMyAccountCommand.IsConfirmed(command.Confirm))
        {
            throw Refused(nameof(command.Confirm), ValidationMessages.Format("Accounts.DeleteConfirmRequired", DeleteMyAccountCommand.LocalConfirmation));
        }
    }

    private static ValidationException Refused(string field, string message) =>
        new([new ValidationFailure(field, message)]);

    // A confirmed seat goes to the next person waiting, as with a cancellation; then the rows go.
    private async Task CancelEventRegistrationsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var confirmed = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.UserId == userId && r.Status == RegistrationStatus.Confirmed)
            .Select(r => r.PostId)
            .ToListAsync(cancellationToken);
        foreach (var postId in confirmed)
        {
            var capacity = await db.Posts.Where(p => p.Id == postId).Select(p => p.Content.EventCapacity).FirstOrDefaultAsync(cancellationToken);
            await EventSeatLock.RunAsync(db, tenant.RequiredId, postId, async _ =>
            {
                await db.EventRegistrations.Where(r => r.PostId == postId && r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
                return await EventSeatLock.PromoteWaitingAsync(db, directory, postId, capacity, clock.GetUtcNow().UtcDateTime, cancellationToken);
            }, cancellationToken);
        }

        await db.EventRegistrations.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
