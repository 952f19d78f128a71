namespace Platform.Application.Common;

/// <summary>
/// Work was asked to run as a tenant that does not exist (a job queued for a jobcenter that is gone, a wrong id): it
/// fails visibly instead of succeeding without having done anything.
/// </summary>
public sealed class UnknownTenantException(Guid tenantId) : Exception($"Tenant '{tenantId}' does not exist.")
{
    public Guid TenantId { get; } = tenantId;
}
