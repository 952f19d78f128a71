namespace Platform.Infrastructure.Tenancy;

/// <summary>Bound from <c>Platform:Tenancy</c>.</summary>
public sealed class TenancyOptions
{
    public const string Section = "Platform:Tenancy";

    /// <summary>The platform's own host; <c>{slug}.{BaseHost}</c> resolves a tenant and the bare host shows the landing page.</summary>
    public string BaseHost { get; set; } = "localhost";

    /// <summary>Addresses of reverse proxies whose X-Forwarded-* headers are trusted. Empty: none are.</summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>How long the in-memory tenant catalog is kept before it is read again.</summary>
    public TimeSpan CatalogRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>While the database cannot be reached, how long the last snapshot serves before the next attempt.</summary>
    public TimeSpan CatalogRetryInterval { get; set; } = TimeSpan.FromSeconds(5);
}
