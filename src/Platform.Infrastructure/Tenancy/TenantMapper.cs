using Platform.Application.Common;
using Platform.Domain.Tenants;
using Riok.Mapperly.Abstractions;

namespace Platform.Infrastructure.Tenancy;

[Mapper]
public static partial class TenantMapper
{
    [MapProperty(nameof(Tenant.HostnameList), nameof(TenantInfo.Hostnames))]
    [MapperIgnoreSource(nameof(Tenant.Hostnames))]
    [MapProperty(nameof(Tenant.EmbedOriginList), nameof(TenantInfo.EmbedOrigins))]
    [MapperIgnoreSource(nameof(Tenant.EmbedOrigins))]
    [MapperIgnoreSource(nameof(Tenant.Postcodes))]
    [MapperIgnoreSource(nameof(Tenant.PostcodeList))]
    [MapperIgnoreSource(nameof(Tenant.CreatedAt))]
    [MapperIgnoreSource(nameof(Tenant.ContactRetentionDays))]
    [MapperIgnoreSource(nameof(Tenant.FourEyesRule))]
    public static partial TenantInfo ToInfo(Tenant tenant);
}
