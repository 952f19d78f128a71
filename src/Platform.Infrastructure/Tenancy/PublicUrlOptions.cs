namespace Platform.Infrastructure.Tenancy;

/// <summary>
/// Bound from <c>Platform:PublicUrl</c>: how people reach the platform from outside, for links in e-mails and push
/// messages. The host name comes from the tenant (<see cref="TenantLinks"/>); only scheme and port are set here.
/// </summary>
public sealed class PublicUrlOptions
{
    public const string Section = "Platform:PublicUrl";

    /// <summary><c>http</c> or <c>https</c>; empty: the scheme of the address the platform listens on.</summary>
    public string? Scheme { get; set; }

    /// <summary>The public port; empty: the port the platform listens on (behind a proxy: set it, usually 443).</summary>
    public int? Port { get; set; }
}
