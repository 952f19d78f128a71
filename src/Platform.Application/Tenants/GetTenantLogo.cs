using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;

namespace Platform.Application.Tenants;

/// <summary>The current tenant's logo image, or null when it has none.</summary>
public sealed record GetTenantLogoQuery : IQuery<TenantLogoImage?>;

public sealed record TenantLogoImage(string ContentType, byte[] Content);

public sealed class GetTenantLogoHandler(IAppDbContext db) : IQueryHandler<GetTenantLogoQuery, TenantLogoImage?>
{
    public async ValueTask<TenantLogoImage?> Handle(GetTenantLogoQuery query, CancellationToken cancellationToken) =>
        await db.TenantLogos.AsNoTracking()
            .Select(l => new TenantLogoImage(l.ContentType, l.Content))
            .SingleOrDefaultAsync(cancellationToken);
}
