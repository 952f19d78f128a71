using Microsoft.EntityFrameworkCore;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Domain.Reminders;

namespace Platform.Application.Reminders;

/// <summary>
/// What a staff alert says and to whom: the holders of its kind's roles (<see cref="StaffAlertAudience"/>), or the
/// accounts in <see cref="To"/>; never <see cref="Except"/> (the person whose step caused it). <see cref="MailedDirectly"/>: the step mails them
/// itself (a failed publication always does), so the alert adds no second e-mail.
/// </summary>
public sealed record StaffAlert(
    NotificationKind Kind, Guid SubjectId, int Occurrence, string Title, string Text, string Link,
    IReadOnlyCollection<Guid>? To = null, Guid? Except = null, bool MailedDirectly = false);

/// <summary>Adds staff alerts to the current tenant's outbox (<see cref="AddAsync"/>).</summary>
public sealed class StaffAlerter(IAppDbContext db, IAccountService accounts, IRecipientDirectory directory, ICurrentTenant tenant, TimeProvider clock)
{
    /// <summary>
    /// Adds the alert's messages to the outbox of the current tenant (saved with the step that caused it, so both or
    /// neither happen): in-app always, by e-mail and push as each staff member chose (the channel on, the kind not
    /// stopped), push after their quiet hours. The staff come from the current tenant's team only.
    /// </summary>
    public async Task AddAsync(StaffAlert alert, CancellationToken cancellationToken)
    {
        var roles = StaffAlertAudience.RolesFor(alert.Kind);
        var staff = (await accounts.ListStaffAsync(cancellationToken))
            .Where(m => m.Id != alert.Except
                && (alert.To?.Contains(m.Id) ?? m.Roles.Any(r => roles.Contains(r, StringComparer.Ordinal))))
            .Select(m => m.Id)
            .ToList();
        if (staff.Count == 0)
        {
            return;
        }

        var preferences = await db.NotificationPreferences.AsNoTracking()
            .Where(p => staff.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, cancellationToken);
        var recipients = await directory.FindAsync(staff, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var tenantId = tenant.RequiredId;
        ReminderDelivery Delivery(Guid userId, NotificationChannel channel, DateTime dueAt) => ReminderDelivery.ForStaff(
            tenantId, alert.Kind, alert.SubjectId, alert.Occurrence, userId, channel, dueAt, alert.Title, alert.Text, alert.Link, "de");

        foreach (var userId in staff)
        {
            db.ReminderDeliveries.Add(Delivery(userId, NotificationChannel.InApp, now));
            if (preferences.GetValueOrDefault(userId) is not { } chosen || recipients.GetValueOrDefault(userId) is not { } recipient)
            {
                continue;
            }

            // Who chose the daily digest gets this one with the others at the digest's hour (StaffDigests).
            if (!alert.MailedDirectly && !chosen.StaffDigest
                && chosen.Allows(NotificationChannel.Email, alert.Kind, recipient.ConfirmedAtLeast16) && recipient.EmailConfirmed)
            {
                db.ReminderDeliveries.Add(Delivery(userId, NotificationChannel.Email, now));
            }

            if (chosen.Allows(NotificationChannel.Push, alert.Kind, recipient.ConfirmedAtLeast16))
            {
                db.ReminderDeliveries.Add(Delivery(userId, NotificationChannel.Push, chosen.QuietHours.Delay(now)));
            }
        }
    }
}
