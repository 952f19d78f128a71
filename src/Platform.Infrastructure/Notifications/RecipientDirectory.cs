using Microsoft.EntityFrameworkCore;
using Platform.Application.Accounts;
using Platform.Application.Reminders;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Notifications;

/// <summary>Reads recipients, with their staff roles, from the accounts of the current tenant (the tenant filter applies).</summary>
public sealed class RecipientDirectory(PlatformDbContext db) : IRecipientDirectory
{
    public async Task<IReadOnlyDictionary<Guid, Recipient>> FindAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken)
    {
        if (accountIds.Count == 0)
        {
            return new Dictionary<Guid, Recipient>();
        }

        var staffRoles = Roles.Staff.ToList();
        var roles = (await (
                from link in db.UserRoles
                join role in db.Roles on link.RoleId equals role.Id
                where accountIds.Contains(link.UserId) && staffRoles.Contains(role.Name!)
                select new { link.UserId, Role = role.Name! })
            .AsNoTracking()
            .ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Role);
        var accounts = await db.Users.AsNoTracking()
            .Where(u => accountIds.Contains(u.Id))
            .Select(u => new Recipient(u.Id, u.Email ?? "", u.EmailConfirmed, u.ConfirmedAtLeast16, u.Language, null))
            .ToListAsync(cancellationToken);
        return accounts.ToDictionary(r => r.Id, r => r with { StaffRoles = [.. roles[r.Id]] });
    }
}
