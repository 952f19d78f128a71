using Platform.Domain.Common;

namespace Platform.Domain.Audit;

/// <summary>One staff action: who, in which tenant, what, when. Written in the same transaction as the action.</summary>
public sealed class AuditEntry : ITenantOwned
{
    private AuditEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>The acting account; <see cref="Guid.Empty"/> for the system.</summary>
    public Guid ActorId { get; private set; }

    public string ActorName { get; private set; } = "";

    /// <summary>A stable action code such as <c>tenant.created</c> or <c>staff.invited</c>.</summary>
    public string Action { get; private set; } = "";

    /// <summary>What the action was about, readable (for example an e-mail address or a colour).</summary>
    public string Details { get; private set; } = "";

    public DateTime At { get; private set; }

    public static AuditEntry Record(Guid tenantId, Guid actorId, string actorName, string action, string details, DateTime at) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            ActorId = actorId,
            ActorName = actorName,
            Action = action,
            Details = details.Length > 1000 ? details[..1000] : details,
            At = at,
        };
}
