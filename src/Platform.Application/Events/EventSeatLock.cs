using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Application.Reminders;
using Platform.Application.Resources;
using Platform.Domain.Events;
using Platform.Domain.Reminders;

namespace Platform.Application.Events;

/// <summary>
/// Serialises everything that takes or frees seats of one event, on every provider: a transaction that starts by
/// updating the event's <see cref="EventSeats"/> row. PostgreSQL and SQL Server hold that row lock until the commit,
/// so a second request waits and then counts what the first one wrote (read committed reads anew per statement);
/// SQLite lets one writer at a time anyway.
/// </summary>
public static class EventSeatLock
{
    public static async Task<T> RunAsync<T>(IAppDbContext db, Guid tenantId, Guid postId, Func<int, Task<T>> work, CancellationToken cancellationToken)
    {
        await EnsureRowAsync(db, tenantId, postId, cancellationToken);
        var database = ((DbContext)db).Database;
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        await db.EventSeats.Where(s => s.PostId == postId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastPosition, x => x.LastPosition + 1), cancellationToken);
        var position = await db.EventSeats.Where(s => s.PostId == postId).Select(s => s.LastPosition).SingleAsync(cancellationToken);
        var result = await work(position);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Gives free seats to the waiting list in order; returns the first person moved up. Call under the lock.</summary>
    public static async Task<Guid?> PromoteWaitingAsync(IAppDbContext db, IRecipientDirectory directory, Guid postId, int? capacity, DateTime now, CancellationToken cancellationToken)
    {
        var confirmed = await db.EventRegistrations.CountAsync(r => r.PostId == postId && r.Status == RegistrationStatus.Confirmed, cancellationToken);
        var free = capacity is { } c ? c - confirmed : int.MaxValue;
        if (free <= 0)
        {
            return null;
        }

        var next = await db.EventRegistrations
            .Where(r => r.PostId == postId && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.Position)
            .Take(Math.Min(free, 1000))
            .ToListAsync(cancellationToken);
        foreach (var r in next)
        {
            r.Promote(now);
        }

        await NotifyPromotedAsync(db, directory, postId, next, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return next.Count > 0 ? next[0].UserId : null;
    }

    /// <summary>
    /// The people moved up hear of it through the notification outbox (in the app always; by e-mail or push only with
    /// their consent, push outside their quiet hours; the delivery engine checks consent again when sending). The rows
    /// are saved in the same transaction as the promotion, so a promotion that happened is told exactly once.
    /// </summary>
    private static async Task NotifyPromotedAsync(IAppDbContext db, IRecipientDirectory directory, Guid postId, List<EventRegistration> promoted, DateTime now, CancellationToken cancellationToken)
    {
        if (promoted.Count == 0)
        {
            return;
        }

        var ev = await db.Posts.AsNoTracking()
            .Where(p => p.Id == postId)
            .Select(p => new { p.Content.Title, p.Content.EventStartsAt })
            .SingleAsync(cancellationToken);
        var titles = await db.ApprovedTitlesAsync(postId, cancellationToken);
        var userIds = promoted.Select(r => r.UserId).ToList();
        var preferences = await db.NotificationPreferences.AsNoTracking()
            .Where(p => userIds.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, cancellationToken);
        var recipients = await directory.FindAsync(userIds, cancellationToken);
        foreach (var registration in promoted)
        {
            var starts = ev.EventStartsAt ?? now;
            var wording = NotificationTexts.For(recipients.GetValueOrDefault(registration.UserId)?.Language);
            var title = titles.GetValueOrDefault(wording.Language) ?? ev.Title;
            db.ReminderDeliveries.Add(ReminderDelivery.ForPromotion(registration, title, starts, NotificationChannel.InApp, now, wording));
            if (preferences.GetValueOrDefault(registration.UserId) is not { } preference)
            {
                continue;
            }

            if (preference.EmailEnabled)
            {
                db.ReminderDeliveries.Add(ReminderDelivery.ForPromotion(registration, title, starts, NotificationChannel.Email, now, wording));
            }

            if (preference.PushEnabled)
            {
                db.ReminderDeliveries.Add(ReminderDelivery.ForPromotion(registration, title, starts, NotificationChannel.Push, preference.QuietHours.Delay(now), wording));
            }
        }
    }

    private static async Task EnsureRowAsync(IAppDbContext db, Guid tenantId, Guid postId, CancellationToken cancellationToken)
    {
        if (await db.EventSeats.AnyAsync(s => s.PostId == postId, cancellationToken))
        {
            return;
        }

        var seats = EventSeats.For(tenantId, postId);
        db.EventSeats.Add(seats);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request created it first: that is all this needed.
        }
        finally
        {
            ((DbContext)db).Entry(seats).State = EntityState.Detached;
        }
    }
}
