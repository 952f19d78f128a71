using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Application.Common;

namespace Platform.Infrastructure.Tenancy;

/// <summary>
/// Builds every absolute link into a tenant (ADR-023): the tenant's first host name, else <c>{slug}.{BaseHost}</c>,
/// with the scheme and port of <see cref="PublicUrlOptions"/>, which default to the address this process listens on
/// (the server's addresses are known only once it has started, so they are read on use).
/// </summary>
public sealed class TenantLinks(IOptions<PublicUrlOptions> publicUrl, IOptions<TenancyOptions> tenancy, IServiceProvider services) : ITenantLinks
{
    public Uri Root(TenantInfo? tenant)
    {
        var host = tenant is null
            ? tenancy.Value.BaseHost
            : tenant.Hostnames.FirstOrDefault(h => !string.IsNullOrWhiteSpace(h)) ?? $"{tenant.Slug}.{tenancy.Value.BaseHost}";
        var (scheme, port) = SchemeAndPort();
        var builder = new UriBuilder(scheme, host.ToLowerInvariant(), port ?? -1, "/");
        if (builder.Uri.IsDefaultPort)
        {
            builder.Port = -1;
        }

        return builder.Uri;
    }

    private (string Scheme, int? Port) SchemeAndPort()
    {
        var configured = publicUrl.Value;
        var listening = ListeningAddress();
        var scheme = string.IsNullOrWhiteSpace(configured.Scheme) ? listening?.Scheme ?? Uri.UriSchemeHttp : configured.Scheme.Trim().ToLowerInvariant();
        var port = configured.Port ?? (listening is not null && listening.Scheme == scheme ? listening.Port : null);
        return (scheme, port);
    }

    /// <summary>The first address the server listens on, plain HTTP first as the start-up banner shows it; null before start.</summary>
    private Uri? ListeningAddress()
    {
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.Count == 0)
        {
            return null;
        }

        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.First();

        // Kestrel reports wildcards ("http://[::]:5080", "http://+:80"); only scheme and port are used.
        var wildcardFree = address.Replace("[::]", "localhost", StringComparison.Ordinal)
            .Replace("0.0.0.0", "localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(wildcardFree, UriKind.Absolute, out var uri) ? uri : null;
    }
}
