using System.Net;

namespace Platform.Domain.Tenants;

/// <summary>
/// A website origin allowed to show the jobcenter's widget (<c>/einbetten</c>) in a frame: exactly
/// <c>https://host[:port]</c>, nothing else (no <c>http://</c>, no wildcard, no path, query, fragment or user name),
/// because it goes verbatim into the page's <c>Content-Security-Policy: frame-ancestors</c> (ADR-027).
/// </summary>
public static class EmbedOrigin
{
    public const int MaxCount = 10;
    public const int MaxLength = 200;

    /// <summary>
    /// The origin in its canonical form (lower-case, no default port, no trailing slash), or null when it is none.
    /// <paramref name="allowLoopbackHttp"/> lets <c>http://</c> through for loopback hosts only (127.0.0.1, [::1],
    /// localhost); it is a setting for development and tests, never on in production.
    /// </summary>
    public static string? Normalize(string? input, bool allowLoopbackHttp)
    {
        var text = input?.Trim() ?? "";
        if (text.Length is 0 or > MaxLength || text.IndexOfAny(['*', '?', '#', '@', '\\', ' ']) >= 0
            || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || uri.UserInfo.Length > 0 || uri.AbsolutePath != "/" || text.EndsWith("//", StringComparison.Ordinal)
            || uri.HostNameType is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6))
        {
            return null;
        }

        var https = uri.Scheme == Uri.UriSchemeHttps;
        if (!https && !(allowLoopbackHttp && uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)))
        {
            return null;
        }

        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
