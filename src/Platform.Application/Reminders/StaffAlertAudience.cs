using Platform.Application.Accounts;
using Platform.Domain.Reminders;

namespace Platform.Application.Reminders;

/// <summary>
/// Who may receive each kind of staff alert: asked when the alert is written (who gets it) and again when each of its
/// messages is delivered, so that an alert waiting in the outbox (quiet hours, a retry) reaches nobody who has left
/// the team or lost the role it was meant for in the meantime.
/// </summary>
public static class StaffAlertAudience
{
    /// <summary>The roles an alert of <paramref name="kind"/> goes to; any staff role for alerts about one's own work.</summary>
    public static IReadOnlyList<string> RolesFor(NotificationKind kind) => kind switch
    {
        NotificationKind.ReviewRequested => [Roles.Reviewer, Roles.TenantAdmin],
        NotificationKind.ContactRequest or NotificationKind.CallbackBooked or NotificationKind.LibraryItemUpdated => [Roles.TenantAdmin, Roles.Editor],
        _ => Roles.Staff,
    };

    /// <summary>Whether an account with <paramref name="roles"/> (its staff roles in the tenant) may still get it.</summary>
    public static bool Entitled(NotificationKind kind, IReadOnlyCollection<string> roles) =>
        RolesFor(kind).Any(r => roles.Contains(r, StringComparer.Ordinal));
}
