using Platform.Domain.Tenants;

namespace Platform.Application.Common;

/// <summary>An immutable snapshot of a tenant as request handling needs it; cached, so no database round trip.</summary>
/// <remarks><paramref name="EmbedOrigins"/>: the website origins allowed to frame the widget (<c>/einbetten</c>).</remarks>
public sealed record TenantInfo(
    Guid Id,
    string Slug,
    string DisplayName,
    TenantStatus Status,
    IReadOnlyList<string> Hostnames,
    TenantBranding Branding,
    TenantContact Contact,
    TenantLinks Links,
    IReadOnlyList<string> EmbedOrigins);
