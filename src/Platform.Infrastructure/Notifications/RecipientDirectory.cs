using Microsoft.EntityFrameworkCore;
using Platform.Application.Reminders;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Notifications;

/// <summary>Reads recipients from the accounts of the current tenant (the tenant filter applies).</summary>
public sealed class RecipientDirectory(PlatformDbContext db) : IRecipientDirectory
{
    public async Task<IReadOnlyDictionary<Guid, Recipient>> FindAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken)
    {
        if (accountIds.Count == 0)
        {
            return new Dictionary<Guid, Recipient>();
        }

        return await db.Users.AsNoTracking()
            .Where(u => accountIds.Contains(u.Id))
            .Select(u => new Recipient(u.Id, u.Email ?? "", u.EmailConfirmed, u.ConfirmedAtLeast16, u.Language))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
    }
}
