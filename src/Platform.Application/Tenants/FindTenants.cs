using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Tenants;

namespace Platform.Application.Tenants;

/// <summary>The landing page's search: active jobcenters by postcode (exact) or by part of their name.</summary>
public sealed record FindTenantsQuery(string? Search) : IQuery<IReadOnlyList<TenantInfo>>;

public sealed class FindTenantsHandler(IAppDbContext db, ITenantCatalog catalog) : IQueryHandler<FindTenantsQuery, IReadOnlyList<TenantInfo>>
{
    public async ValueTask<IReadOnlyList<TenantInfo>> Handle(FindTenantsQuery query, CancellationToken cancellationToken)
    {
        var all = (await catalog.ListAsync(cancellationToken)).Where(t => t.Status == TenantStatus.Active).ToList();
        var search = query.Search?.Trim() ?? "";
        if (search.Length == 0)
        {
            return [.. all.OrderBy(t => t.DisplayName, StringComparer.CurrentCulture)];
        }

        if (search.Length == 5 && search.All(char.IsAsciiDigit))
        {
            var ids = await db.Tenants.AsNoTracking()
                .Where(t => (" " + t.Postcodes + " ").Contains(" " + search + " "))
                .Select(t => t.Id)
                .ToListAsync(cancellationToken);
            return [.. all.Where(t => ids.Contains(t.Id))];
        }

        return [.. all.Where(t => t.DisplayName.Contains(search, StringComparison.CurrentCultureIgnoreCase)
            || t.Slug.Contains(search, StringComparison.OrdinalIgnoreCase))];
    }
}
