using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Application.Resources;
using Platform.Domain.Common;
using Platform.Domain.Reminders;

namespace Platform.Application.Reminders;

/// <summary>
/// Run as one jobcenter at the digest's hour: for each member of its team who chose the daily digest (and e-mail),
/// one e-mail in the outbox listing the alerts that reached them in the app in the last 24 hours; nothing when there
/// were none. Once per person and day (the outbox key), so a second run that day adds nothing. Answers how many
/// digests were queued.
/// </summary>
public sealed record QueueStaffDigestsCommand : ICommand<int>;

public sealed class QueueStaffDigestsHandler(IAppDbContext db, IAccountService accounts, ICurrentTenant tenant, TimeProvider clock)
    : ICommandHandler<QueueStaffDigestsCommand, int>
{
    /// <summary>How far back a digest looks: one day, from the previous digest's hour on.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public async ValueTask<int> Handle(QueueStaffDigestsCommand command, CancellationToken cancellationToken)
    {
        var chosen = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.StaffDigest && p.EmailEnabled)
            .Select(p => p.UserId)
            .ToListAsync(cancellationToken);
        if (chosen.Count == 0)
        {
            return 0;
        }

        var team = (await accounts.ListStaffAsync(cancellationToken)).Select(m => m.Id).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - Window;
        var day = DateOnly.FromDateTime(BerlinTime.ToLocal(now)).DayNumber;
        var alertPrefix = ReminderDelivery.StaffKeyStart;
        var digestPrefix = $"{ReminderDelivery.StaffKeyStart}{(int)NotificationKind.StaffDigest}:";
        var queued = 0;
        foreach (var userId in chosen.Where(team.Contains))
        {
            var alerts = await db.ReminderDeliveries.AsNoTracking()
                .Where(d => d.UserId == userId && d.Channel == NotificationChannel.InApp && d.Status == DeliveryStatus.Sent
                    && d.SentAt > since && d.SentAt <= now && d.Key.StartsWith(alertPrefix) && !d.Key.StartsWith(digestPrefix))
                .OrderBy(d => d.SentAt)
                .Select(d => d.Title)
                .ToListAsync(cancellationToken);
            var key = ReminderDelivery.StaffKeyPrefix(NotificationKind.StaffDigest, userId, day);
            if (alerts.Count == 0 || await db.ReminderDeliveries.AnyAsync(d => d.Key.StartsWith(key), cancellationToken))
            {
                continue;
            }

            db.ReminderDeliveries.Add(ReminderDelivery.ForStaff(
                tenant.RequiredId, NotificationKind.StaffDigest, userId, day, userId, NotificationChannel.Email, now,
                StaffText.Get("Digest.Title"), StaffText.Format("Digest.Text", alerts.Count, string.Join("; ", alerts)), "/benachrichtigungen", "de"));
            queued++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }
}
