using Platform.Application.Common;
using Platform.Domain.Audit;

namespace Platform.Application.Audit;

public static class AuditTrail
{
    /// <summary>Adds an audit entry to the unit of work; it is written with the action's own SaveChanges.</summary>
    public static void Record(this IAppDbContext db, Guid tenantId, ICurrentUser actor, TimeProvider clock, string action, string details) =>
        db.AuditEntries.Add(AuditEntry.Record(
            tenantId,
            actor.Id ?? Guid.Empty,
            actor.Id is null ? "System" : actor.DisplayName,
            action,
            details,
            clock.GetUtcNow().UtcDateTime));
}
