using Platform.Domain.Common;

namespace Platform.Application.Accounts;

internal static class StaffRules
{
    public static void KeepOneTenantAdmin(IReadOnlyList<StaffMember> staff, StaffMember member, string? newRole)
    {
        var isAdmin = member.Roles.Contains(Roles.TenantAdmin);
        var remainsAdmin = newRole == Roles.TenantAdmin;
        if (isAdmin && !remainsAdmin && staff.Count(s => s.Roles.Contains(Roles.TenantAdmin)) == 1)
        {
            throw new DomainException("staff.lastAdmin", "Das Jobcenter braucht mindestens eine Leitung (TenantAdmin).");
        }
    }
}
