using Mediator;
using Platform.Application.Common;
using Platform.Domain.Tenants;

namespace Platform.Application.Tenants;

/// <summary>The jobcenters a young person can pick on the landing page: active ones only.</summary>
public sealed record ListTenantsQuery : IQuery<IReadOnlyList<TenantInfo>>;

public sealed class ListTenantsHandler(ITenantCatalog catalog) : IQueryHandler<ListTenantsQuery, IReadOnlyList<TenantInfo>>
{
    public async ValueTask<IReadOnlyList<TenantInfo>> Handle(ListTenantsQuery query, CancellationToken cancellationToken)
    {
        var tenants = await catalog.ListAsync(cancellationToken);
        return [.. tenants.Where(t => t.Status == TenantStatus.Active).OrderBy(t => t.DisplayName, StringComparer.CurrentCulture)];
    }
}
