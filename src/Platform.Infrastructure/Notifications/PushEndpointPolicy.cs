using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Platform.Application.Reminders;

namespace Platform.Infrastructure.Notifications;

/// <summary>
/// Where web push may go. Anyone can name a push endpoint (topic subscriptions need no account), so the platform
/// would otherwise POST to any address it is told, including its own network. Two walls: the address must be https on
/// a configured push service host (checked at subscription and before each delivery), and every address the host
/// resolves to is checked again when the connection is made (<see cref="CreateHandler"/>), so that DNS answers that
/// change between check and use (rebinding) cannot lead inside. Redirects are not followed.
/// </summary>
public sealed class PushEndpointPolicy(IOptions<PushOptions> options) : IPushEndpointPolicy
{
    private static readonly IPNetwork[] NotPublic =
    [
        .. new[]
        {
            // IPv4: "this" network, private, CGNAT (also Alibaba's metadata 100.100.100.200), loopback, link-local
            // (also the cloud metadata address 169.254.169.254), IETF protocol, documentation, 6to4 relay,
            // benchmarking, multicast, reserved and broadcast.
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",

            // IPv6: unspecified, loopback, IPv4-compatible, NAT64 local use, discard, IETF protocol (Teredo and
            // others), documentation, unique local (also AWS's metadata fd00:ec2::254), link-local, site-local,
            // multicast.
            "::/128", "::1/128", "::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "3fff::/20",
            "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
        }.Select(IPNetwork.Parse),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    private PushOptions Options => options.Value;

    public bool Allows(string endpoint)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0)
        {
            return false;
        }

        if (Options.AllowLoopbackForTests && IsLoopbackHost(uri))
        {
            return uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp;
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var literal) && !IsPublic(literal))
        {
            return false;
        }

        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        return Options.EffectiveAllowedHosts.Any(pattern => Matches(host, pattern.Trim().TrimEnd('.').ToLowerInvariant()));
    }

    /// <summary>Whether a connection may go to <paramref name="address"/>: public addresses, and loopback in tests.</summary>
    public bool AllowsAddress(IPAddress address) =>
        IsPublic(address) || (Options.AllowLoopbackForTests && IPAddress.IsLoopback(Unmapped(address)));

    /// <summary>
    /// The handler web push is sent through: no proxy (the check must see the real destination), no redirects, and a
    /// connect step that resolves the host itself and connects only to addresses <see cref="AllowsAddress"/> permits.
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = false,
        UseProxy = false,
        ConnectCallback = ConnectAsync,
    };

    public static bool IsPublic(IPAddress address)
    {
        address = Unmapped(address);
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // Translated and tunnelled forms carry an IPv4 address: judge that one.
            var bytes = address.GetAddressBytes();
            if (Nat64.Contains(address))
            {
                return IsPublic(new IPAddress(bytes[12..]));
            }

            if (SixToFour.Contains(address))
            {
                return IsPublic(new IPAddress(bytes[2..6]));
            }
        }

        return !NotPublic.Any(network => network.Contains(address));
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var resolved = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = resolved.Where(AllowsAddress).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, $"The push service host {host} has no public address.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static bool Matches(string host, string pattern) =>
        pattern == "*"
        || (pattern.StartsWith("*.", StringComparison.Ordinal) ? host.EndsWith(pattern[1..], StringComparison.Ordinal) : host == pattern);

    private static bool IsLoopbackHost(Uri uri) =>
        uri.IsLoopback && (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || uri.Host == "localhost");

    private static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
