using Mediator;
using Platform.Application.Common;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// What the contact mail jobs share: they send one command in the tenant's scope, which answers whether a mail went
/// out; a tenant that was removed meanwhile has nobody left to write to.
/// </summary>
internal static class TenantMailJob
{
    public static async Task RunAsync(
        ITenantScopeRunner tenants, Guid tenantId, ICommand<bool> command, Action nothingSent, Action noTenant, CancellationToken cancellationToken)
    {
        try
        {
            if (!await tenants.SendAsync(tenantId, command, cancellationToken))
            {
                nothingSent();
            }
        }
        catch (UnknownTenantException)
        {
            noTenant();
        }
    }
}
