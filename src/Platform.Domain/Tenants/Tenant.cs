using System.Text.RegularExpressions;
using Platform.Domain.Common;

namespace Platform.Domain.Tenants;

/// <summary>A jobcenter on the platform: the catalog entry, shared by definition.</summary>
public sealed partial class Tenant : ISharedEntity
{
    private static readonly HashSet<string> ReservedSlugs = new(StringComparer.Ordinal)
    {
        "www", "api", "admin", "jobs", "app", "static", "assets", "health", "openapi", "t", "mail", "login",
    };

    private Tenant()
    {
    }

    public Guid Id { get; private set; }

    public string Slug { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    /// <summary>Extra hostnames that resolve to this tenant, lower-case, separated by spaces.</summary>
    public string Hostnames { get; private set; } = "";

    public TenantStatus Status { get; private set; }

    public TenantBranding Branding { get; private set; } = new();

    public TenantContact Contact { get; private set; } = new();

    /// <summary>Postcodes the jobcenter serves, separated by spaces.</summary>
    public string Postcodes { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public IEnumerable<string> HostnameList =>
        Hostnames.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static Tenant Create(
        string slug,
        string displayName,
        TenantBranding branding,
        TenantContact contact,
        DateTime createdAt,
        IEnumerable<string>? hostnames = null,
        IEnumerable<string>? postcodes = null)
    {
        ArgumentNullException.ThrowIfNull(branding);
        ArgumentNullException.ThrowIfNull(contact);
        if (!IsValidSlug(slug))
        {
            throw new DomainException("tenant.slug", $"'{slug}' is not a valid tenant slug.");
        }

        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw new DomainException("tenant.displayName", "A tenant needs a display name.");
        }

        return new Tenant
        {
            Id = Guid.CreateVersion7(),
            Slug = slug,
            DisplayName = displayName.Trim(),
            Branding = branding,
            Contact = contact,
            CreatedAt = createdAt,
            Status = TenantStatus.Active,
            Hostnames = string.Join(' ', (hostnames ?? []).Select(h => h.Trim().ToLowerInvariant())),
            Postcodes = string.Join(' ', postcodes ?? []),
        };
    }

    /// <summary>Lower-case letters, digits and hyphens, 3 to 40 characters, no reserved word.</summary>
    public static bool IsValidSlug(string? slug) =>
        slug is not null && SlugPattern().IsMatch(slug) && !ReservedSlugs.Contains(slug);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
