namespace Platform.Domain.Common;

/// <summary>
/// An entity that belongs to exactly one tenant. The persistence layer filters every query by the current
/// tenant and refuses to save such an entity for another tenant or for none.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
