using System.Net;
using System.Net.Sockets;

namespace Platform.Infrastructure.Tenancy;

/// <summary>Bound from <c>Platform:Tenancy</c>.</summary>
public sealed class TenancyOptions
{
    public const string Section = "Platform:Tenancy";

    /// <summary>The platform's own host; <c>{slug}.{BaseHost}</c> resolves a tenant and the bare host shows the landing page.</summary>
    public string BaseHost { get; set; } = "localhost";

    /// <summary>
    /// Reverse proxies whose X-Forwarded-* headers are trusted, each an address (<c>10.0.0.2</c>) or a network in CIDR
    /// notation (<c>10.42.0.0/16</c>: the pod network of an ingress controller whose pods change address). Empty: none are.
    /// </summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>How long the in-memory tenant catalog is kept before it is read again.</summary>
    public TimeSpan CatalogRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>While the database cannot be reached, how long the last snapshot serves before the next attempt.</summary>
    public TimeSpan CatalogRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The entries of <see cref="TrustedProxies"/> as networks (an address is a network of one); unreadable ones are left out and refused at start.</summary>
    public IReadOnlyList<IPNetwork> TrustedProxyNetworks() =>
        [.. TrustedProxies.Select(entry => TryParseProxy(entry, out var network) ? network : (IPNetwork?)null).OfType<IPNetwork>()];

    /// <summary>An address or a CIDR network, as <see cref="TrustedProxies"/> holds them.</summary>
    public static bool TryParseProxy(string entry, out IPNetwork network)
    {
        if (IPAddress.TryParse(entry, out var address) && !entry.Contains('/', StringComparison.Ordinal))
        {
            network = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return IPNetwork.TryParse(entry, out network);
    }
}
