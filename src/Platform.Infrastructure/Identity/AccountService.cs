using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Application.Resources;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Identity;

/// <summary>The account port on ASP.NET Core Identity; every lookup goes through the tenant filter.</summary>
public sealed class AccountService(
    UserManager<PlatformUser> users, PlatformDbContext db, TimeProvider clock, IEmailAddressCheck addresses, IAccountEmailQueue mail) : IAccountService
{
    public async Task<IReadOnlyDictionary<string, string[]>> RegisterAsync(
        NewAccount account, CancellationToken cancellationToken)
    {
        var created = await CreateAsync(account with { EmailConfirmed = false, Role = null }, cancellationToken);
        if (created.Id is { } id)
        {
            mail.EnqueueConfirmation(id);
            return created.Errors;
        }

        // Identity checks (and hashes) the password before it looks for the address, so a taken address comes here
        // after the same work as a new one, and only with a valid password. Its error ("Username '…' is already
        // taken") would tell anyone which addresses have an account: the owner gets a mail instead.
        if (created.Errors.Count == 1 && created.Errors.TryGetValue("email", out var messages)
            && messages.All(m => m == TakenMessage)
            && await users.FindByEmailAsync(account.Email.Trim()) is { } existing)
        {
            if (existing.EmailConfirmed)
            {
                mail.EnqueueAlreadyRegistered(existing.Id);
            }
            else
            {
                mail.EnqueueConfirmation(existing.Id);
            }

            return new Dictionary<string, string[]>();
        }

        return created.Errors;
    }

    /// <summary>Identity's duplicate-address errors (<see cref="LocalizedIdentityErrors"/>), the marker by which <see cref="RegisterAsync"/> tells them from others.</summary>
    internal static string TakenMessage => ValidationMessages.Get("Accounts.EmailTaken");

    public async Task<AccountResult> CreateAsync(NewAccount account, CancellationToken cancellationToken)
    {
        // The web form and the API both register here: an address no mail can reach would never be confirmed.
        if (!await addresses.CanDeliverAsync(account.Email.Trim(), cancellationToken))
        {
            return new AccountResult(null, new Dictionary<string, string[]> { ["email"] = [ValidationMessages.Get("Email.NotDeliverable")] });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new PlatformUser
        {
            UserName = account.Email.Trim(),
            Email = account.Email.Trim(),
            EmailConfirmed = account.EmailConfirmed,
            DisplayName = account.DisplayName.Trim(),
            ConfirmedAtLeast16 = account.ConfirmedAtLeast16,
            ConfirmedAtLeast16At = account.ConfirmedAtLeast16 ? now : null,
            CreatedAt = now,
            Language = EmailText.Current(),
        };
        var created = await users.CreateAsync(user, account.Password);
        if (!created.Succeeded)
        {
            return new AccountResult(null, IdentityErrors.ByField(created.Errors));
        }

        if (account.Role is not null)
        {
            var role = await users.AddToRoleAsync(user, account.Role);
            if (!role.Succeeded)
            {
                return new AccountResult(null, IdentityErrors.ByField(role.Errors));
            }
        }

        return new AccountResult(user.Id, new Dictionary<string, string[]>());
    }

    public async Task<IReadOnlyList<StaffMember>> ListStaffAsync(CancellationToken cancellationToken)
    {
        var staffRoles = Roles.Staff.ToList();
        var rows = await (
                from user in db.Users
                join link in db.UserRoles on user.Id equals link.UserId
                join role in db.Roles on link.RoleId equals role.Id
                where staffRoles.Contains(role.Name!)
                select new { user.Id, user.Email, user.DisplayName, Role = role.Name! })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return [.. rows
            .GroupBy(r => r.Id)
            .Select(g => new StaffMember(g.Key, g.First().Email ?? "", g.First().DisplayName, [.. g.Select(r => r.Role).Order(StringComparer.Ordinal)]))
            .OrderBy(s => s.DisplayName, StringComparer.CurrentCulture)];
    }

    public async Task<bool> SetStaffRoleAsync(Guid accountId, string role, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(accountId.ToString());
        if (user is null)
        {
            return false;
        }

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Where(r => Roles.Staff.Contains(r)));
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        return true;
    }

    public async Task<bool> DeleteAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(accountId.ToString());
        if (user is null)
        {
            return false;
        }

        // Identity's claims, logins, tokens, passkeys and role links go with it (cascading foreign keys).
        var result = await users.DeleteAsync(user);
        return result.Succeeded;
    }

    public async Task<bool> HasPasswordAsync(Guid accountId, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(accountId.ToString()) is { } user && await users.HasPasswordAsync(user);

    public async Task<bool> CheckPasswordAsync(Guid accountId, string password, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(accountId.ToString()) is { } user && await users.CheckPasswordAsync(user, password);

    public async Task<AccountData?> GetDataAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(accountId.ToString());
        if (user is null)
        {
            return null;
        }

        var passkeys = await db.UserPasskeys.CountAsync(p => p.UserId == user.Id, cancellationToken);
        var logins = await users.GetLoginsAsync(user);
        var claims = await users.GetClaimsAsync(user);
        var tokens = await db.UserTokens.AsNoTracking()
            .Where(t => t.UserId == user.Id)
            .Select(t => t.LoginProvider + ":" + t.Name)
            .ToListAsync(cancellationToken);
        return new AccountData(
            user.Id,
            user.Email ?? "",
            user.EmailConfirmed,
            user.DisplayName,
            user.ConfirmedAtLeast16,
            user.ConfirmedAtLeast16At,
            user.CreatedAt,
            [.. await users.GetRolesAsync(user)],
            user.TwoFactorEnabled,
            passkeys,
            [.. logins.Select(l => l.ProviderDisplayName ?? l.LoginProvider)],
            [.. claims.Select(c => $"{c.Type}: {c.Value}")],
            tokens,
            await users.HasPasswordAsync(user),
            EmailText.Normalize(user.Language));
    }

    public async Task<bool> ConfirmAtLeast16Async(Guid accountId, DateTime at, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(accountId.ToString());
        if (user is null)
        {
            return false;
        }

        if (!user.ConfirmedAtLeast16)
        {
            user.ConfirmedAtLeast16 = true;
            user.ConfirmedAtLeast16At = at;
            await users.UpdateAsync(user);
        }

        return true;
    }

    public async Task SetLanguageAsync(Guid accountId, string language, CancellationToken cancellationToken)
    {
        var normalized = EmailText.Normalize(language);
        if (await users.FindByIdAsync(accountId.ToString()) is { } user && !string.Equals(user.Language, normalized, StringComparison.Ordinal))
        {
            user.Language = normalized;
            await users.UpdateAsync(user);
        }
    }
}

internal static class IdentityErrors
{
    /// <summary>Maps Identity's error codes to the request field they are about.</summary>
    public static Dictionary<string, string[]> ByField(IEnumerable<IdentityError> errors) =>
        errors.GroupBy(FieldOf).ToDictionary(g => g.Key, g => g.Select(e => e.Description).Distinct(StringComparer.Ordinal).ToArray());

    public static string FieldOf(IdentityError error) => error.Code switch
    {
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => "password",
        _ when error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) => "email",
        _ when error.Code.Contains("Role", StringComparison.Ordinal) => "role",
        _ => "",
    };
}
