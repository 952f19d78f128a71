using System.Text.RegularExpressions;
using Platform.Domain.Common;
using Platform.Domain.ContactRequests;

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

    public TenantLinks Links { get; private set; } = new();

    /// <summary>How many days contact requests are kept before the retention job deletes them.</summary>
    public int ContactRetentionDays { get; private set; } = ContactRequest.DefaultRetentionDays;

    public DateTime CreatedAt { get; private set; }

    /// <summary>Four-eyes rule: a post goes public only after someone other than its author approved it. On by default.</summary>
    public bool FourEyesRule { get; private set; } = true;

    /// <summary>Website origins allowed to frame the widget (<c>/einbetten</c>), canonical (<see cref="EmbedOrigin"/>), separated by spaces.</summary>
    public string EmbedOrigins { get; private set; } = "";

    public IEnumerable<string> EmbedOriginList => EmbedOrigins.Split(' ', StringSplitOptions.RemoveEmptyEntries);

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

    /// <summary>A new jobcenter starts in onboarding: only its staff see the instance until it is activated.</summary>
    public static Tenant Onboard(string slug, string displayName, IEnumerable<string> hostnames, DateTime now)
    {
        var tenant = Create(slug, displayName, new TenantBranding { LogoText = Initials(displayName) }, new TenantContact(), now, hostnames);
        tenant.Status = TenantStatus.Onboarding;
        return tenant;
    }

    /// <summary>
    /// Going live needs an Impressum and a Datenschutzerklärung (§ 5 DDG, Art. 13 DSGVO): refused until both exist,
    /// as the jobcenter's own pages or as texts kept on the platform.
    /// </summary>
    public void ChangeStatus(TenantStatus status)
    {
        if (status == TenantStatus.Active && Status != TenantStatus.Active && MissingLegalPages() is { Count: > 0 } missing)
        {
            throw new DomainException(
                "tenant.status",
                $"{DisplayName} kann erst freigeschaltet werden, wenn {string.Join(" und ", missing)} hinterlegt {(missing.Count == 1 ? "ist" : "sind")} "
                + "(eigene Adresse oder Text auf der Plattform, in der Verwaltung unter „Rechtliches“).");
        }

        Status = status;
    }

    /// <summary>The legal pages that are still missing before the jobcenter may go live, by their German names.</summary>
    public IReadOnlyList<string> MissingLegalPages()
    {
        var missing = new List<string>(2);
        if (!Links.HasImprint)
        {
            missing.Add("das Impressum");
        }

        if (!Links.HasPrivacy)
        {
            missing.Add("die Datenschutzerklärung");
        }

        return missing;
    }

    /// <summary>Impressum and Datenschutzerklärung (address of the jobcenter's own page and/or text) and the accessibility statement.</summary>
    public void ChangeLegalTexts(string imprintUrl, string privacyUrl, TenantLegalTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        Links = Links with { ImprintUrl = imprintUrl.Trim(), PrivacyUrl = privacyUrl.Trim(), Texts = texts };
    }

    public void Rename(string displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw new DomainException("tenant.displayName", "A tenant needs a display name.");
        }

        DisplayName = displayName.Trim();
    }

    /// <summary>Sets new colours; refused when they would not reach WCAG AA contrast where they are used.</summary>
    public void ChangeBranding(string primaryColor, string accentColor, string logoText)
    {
        if (!ColorContrast.IsUsablePrimary(primaryColor))
        {
            throw new DomainException("tenant.primaryColor", "Die Hauptfarbe ist auf weißem Grund schwer lesbar (Kontrast unter 4,5:1).");
        }

        if (!ColorContrast.IsUsableAccent(accentColor))
        {
            throw new DomainException("tenant.accentColor", "Text auf der Akzentfarbe wäre schwer lesbar (Kontrast unter 4,5:1).");
        }

        Branding = Branding with
        {
            PrimaryColor = primaryColor.ToLowerInvariant(),
            AccentColor = accentColor.ToLowerInvariant(),
            LogoText = logoText.Trim(),
            Version = Branding.Version + 1,
        };
    }

    /// <summary>Marks a new logo so caches keyed by the branding version pick it up.</summary>
    public void LogoChanged() => Branding = Branding with { HasLogo = true, Version = Branding.Version + 1 };

    public void ChangeContact(TenantContact contact, TenantLinks links, IEnumerable<string> postcodes)
    {
        ArgumentNullException.ThrowIfNull(links);
        Contact = contact;
        Links = links;
        Postcodes = string.Join(' ', postcodes.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct());
    }

    public void ChangeContactRetention(int days)
    {
        if (days is < ContactRequest.MinRetentionDays or > ContactRequest.MaxRetentionDays)
        {
            throw new DomainException("tenant.contactRetentionDays", "Contact requests are kept between 7 and 365 days.");
        }

        ContactRetentionDays = days;
    }

    /// <summary>Replaces the origins allowed to frame the widget; each must already be canonical (<see cref="EmbedOrigin.Normalize"/>).</summary>
    public void ChangeEmbedOrigins(IReadOnlyCollection<string> origins)
    {
        ArgumentNullException.ThrowIfNull(origins);
        if (origins.Count > EmbedOrigin.MaxCount || origins.Any(o => o.Length == 0 || o.Contains(' ', StringComparison.Ordinal)))
        {
            throw new DomainException("tenant.embedOrigins", $"Höchstens {EmbedOrigin.MaxCount} Website-Adressen, jede ohne Leerzeichen.");
        }

        EmbedOrigins = string.Join(' ', origins.Distinct(StringComparer.Ordinal));
    }

    public void ChangeEditorialRules(bool fourEyesRule) => FourEyesRule = fourEyesRule;

    public IEnumerable<string> PostcodeList => Postcodes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Initials(string name) =>
        new([.. name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Take(2).Select(w => w[0])]);

    /// <summary>Lower-case letters, digits and hyphens, 3 to 40 characters, no reserved word.</summary>
    public static bool IsValidSlug(string? slug) =>
        slug is not null && SlugPattern().IsMatch(slug) && !ReservedSlugs.Contains(slug);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
