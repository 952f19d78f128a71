using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Tenants;

namespace Platform.Application.Tenants;

/// <summary>
/// A square PNG icon of the current tenant for its installable web app: its logo on white, or, without a logo, its
/// initials on its primary colour. Null for a size the manifest does not offer, or without a tenant.
/// <paramref name="Maskable"/> asks for the variant that a phone may cut to a circle or a rounded square: the same
/// background to every edge, and everything that must be seen inside the central circle of 80 % of the width (the
/// safe zone of the Web App Manifest's <c>maskable</c> purpose).
/// </summary>
public sealed record GetAppIconQuery(int Size, bool Maskable = false) : IQuery<AppIcon?>;

public sealed record AppIcon(byte[] Png, int Version);

/// <summary>What an icon is drawn from: the logo (when the tenant has one) or the text and colours.</summary>
public sealed record AppIconSpec(int Size, string Text, string Background, string Foreground, bool Maskable = false)
{
    /// <summary>
    /// The share of the width that the logo or the text may take: for a maskable icon, a square (or a text box) whose
    /// corners stay inside the safe circle of radius 40 %.
    /// </summary>
    public double ContentShare => Maskable ? 0.56 : 0.8;
}

/// <summary>Draws app icons (port to the image library).</summary>
public interface IAppIconRenderer
{
    /// <summary>
    /// A PNG of exactly <c>spec.Size</c> × <c>spec.Size</c> pixels, drawn from the logo that <paramref name="loadLogo"/>
    /// returns, or from the text when it returns null. The result may come from a cache keyed by
    /// <paramref name="cacheKey"/>, which must name the tenant and everything the icon is drawn from.
    /// </summary>
    Task<byte[]> RenderAsync(string cacheKey, AppIconSpec spec, Func<Task<byte[]?>> loadLogo, CancellationToken cancellationToken);
}

public sealed class GetAppIconHandler(IAppDbContext db, ICurrentTenant current, IAppIconRenderer renderer) : IQueryHandler<GetAppIconQuery, AppIcon?>
{
    /// <summary>The sizes browsers ask of an installable app (Chromium requires 192 and 512 px).</summary>
    public static readonly IReadOnlyList<int> Sizes = [192, 512];

    /// <summary>The path of an icon below the tenant's root, as the manifest names it and the endpoint serves it.</summary>
    public static string FileName(int size, bool maskable) =>
        string.Create(CultureInfo.InvariantCulture, $"app-icon-{size}{(maskable ? "-maskable" : "")}.png");

    public async ValueTask<AppIcon?> Handle(GetAppIconQuery query, CancellationToken cancellationToken)
    {
        if (current.Tenant is not { } tenant || !Sizes.Contains(query.Size))
        {
            return null;
        }

        var branding = tenant.Branding;
        var spec = new AppIconSpec(query.Size, Initials(tenant), branding.PrimaryColor, ColorContrast.TextColorFor(branding.PrimaryColor), query.Maskable);
        var key = $"{tenant.Id:N}:app-icon:{branding.Version}:{branding.HasLogo}:{spec}";
        var png = await renderer.RenderAsync(
            key,
            spec,
            async () => branding.HasLogo
                ? await db.TenantLogos.AsNoTracking().Select(l => l.Content).SingleOrDefaultAsync(cancellationToken)
                : null,
            cancellationToken);
        return new AppIcon(png, branding.Version);
    }

    /// <summary>The logo text the header shows, else the first letters of the first two words of the name.</summary>
    public static string Initials(TenantInfo tenant)
    {
        if (tenant.Branding.LogoText.Trim() is { Length: > 0 } text)
        {
            return text;
        }

        var letters = tenant.DisplayName
            .Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsLetterOrDigit(w[0]))
            .Take(2)
            .Select(w => char.ToUpperInvariant(w[0]));
        var initials = string.Concat(letters);
        return initials.Length > 0 ? initials : tenant.Slug[..1].ToUpperInvariant();
    }
}
