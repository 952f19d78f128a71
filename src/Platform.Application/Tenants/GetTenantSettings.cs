using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Tenants;

namespace Platform.Application.Tenants;

/// <summary>The current tenant's settings as its TenantAdmin edits them.</summary>
public sealed record GetTenantSettingsQuery : IQuery<TenantSettings>;

public sealed record TenantSettings(
    string Slug,
    string DisplayName,
    TenantStatus Status,
    TenantBranding Branding,
    TenantContact Contact,
    TenantLinks Links,
    IReadOnlyList<string> Postcodes,
    int ContactRetentionDays,
    bool FourEyesRule);

public sealed class GetTenantSettingsHandler(IAppDbContext db, ICurrentTenant current) : IQueryHandler<GetTenantSettingsQuery, TenantSettings>
{
    public async ValueTask<TenantSettings> Handle(GetTenantSettingsQuery query, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == current.RequiredId, cancellationToken);
        return new TenantSettings(tenant.Slug, tenant.DisplayName, tenant.Status, tenant.Branding, tenant.Contact, tenant.Links, [.. tenant.PostcodeList], tenant.ContactRetentionDays, tenant.FourEyesRule);
    }
}
