using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Reminders;
using Platform.Application.Resources;
using Platform.Domain.Reminders;

namespace Platform.Application.Library;

/// <summary>
/// Run as one jobcenter: alerts its editors and admins (<see cref="StaffAlertAudience"/>) to each of its adoptions of
/// the item that has not yet seen <see cref="Version"/>, once per adoption and version. Answers how many adoptions
/// were alerted.
/// </summary>
public sealed record AlertLibraryAdoptersCommand(Guid ItemId, int Version) : ICommand<int>;

public sealed class AlertLibraryAdoptersHandler(IAppDbContext db, StaffAlerter alerter) : ICommandHandler<AlertLibraryAdoptersCommand, int>
{
    public async ValueTask<int> Handle(AlertLibraryAdoptersCommand command, CancellationToken cancellationToken)
    {
        var adoptions = await db.LibraryAdoptions.AsNoTracking()
            .Where(a => a.LibraryItemId == command.ItemId && a.SeenVersion < command.Version)
            .Join(db.Posts, a => a.PostId, p => p.Id, (a, p) => new { a.Id, p.Content.Title })
            .ToListAsync(cancellationToken);
        if (adoptions.Count == 0)
        {
            return 0;
        }

        // The outbox keys start with kind, adoption and version: a second run of this job (a retry) adds nothing.
        var fresh = new List<(Guid Id, string Title)>();
        foreach (var adoption in adoptions)
        {
            var prefix = ReminderDelivery.StaffKeyPrefix(NotificationKind.LibraryItemUpdated, adoption.Id, command.Version);
            if (!await db.ReminderDeliveries.AnyAsync(d => d.Key.StartsWith(prefix), cancellationToken))
            {
                fresh.Add((adoption.Id, adoption.Title));
            }
        }

        foreach (var adoption in fresh)
        {
            await alerter.AddAsync(
                new StaffAlert(
                    NotificationKind.LibraryItemUpdated, adoption.Id, command.Version, StaffText.Get("LibraryUpdated.Title"),
                    StaffText.Format("LibraryUpdated.Text", adoption.Title), $"/redaktion/bibliothek/uebernahmen/{adoption.Id}"),
                cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return fresh.Count;
    }
}
