using Microsoft.Extensions.Caching.Memory;
using NetVips;
using Platform.Application.Tenants;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Images;

/// <summary>
/// App icons with libvips: the logo fitted onto a white square, or the initials in DejaVu Sans Bold on the brand
/// colour. Kept in a small in-memory cache per node; the key carries the tenant and the branding version, and the
/// icons are derived data, so losing the cache costs only time.
/// </summary>
public sealed class VipsAppIconRenderer : IAppIconRenderer, IDisposable
{
    /// <summary>Debian's fonts-dejavu-core (installed with the platform, see infra/install-test-deps.sh).</summary>
    public const string FontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    private static readonly double[] White = [255, 255, 255];

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 16L * 1024 * 1024 });

    public async Task<byte[]> RenderAsync(string cacheKey, AppIconSpec spec, Func<Task<byte[]?>> loadLogo, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(cacheKey, out byte[]? cached) && cached is not null)
        {
            return cached;
        }

        var logo = await loadLogo();
        byte[] png;
        try
        {
            png = logo is null ? FromText(spec) : FromLogo(logo, spec.Size);
        }
        catch (VipsException)
        {
            // A logo the library cannot decode (stored before uploads were decoded in full) still gets an icon.
            png = FromText(spec);
        }

        _cache.Set(cacheKey, png, new MemoryCacheEntryOptions { Size = png.Length, SlidingExpiration = TimeSpan.FromHours(6) });
        return png;
    }

    private static byte[] FromLogo(byte[] logo, int size)
    {
        // A margin of a tenth on each side, so that a logo that fills its image does not touch the icon's edge.
        var inner = size * 8 / 10;
        using var thumbnail = Image.ThumbnailBuffer(logo, inner, height: inner, size: Enums.Size.Both, failOn: Enums.FailOn.Error);
        using var srgb = thumbnail.Colourspace(Enums.Interpretation.Srgb);
        using var opaque = srgb.HasAlpha() ? srgb.Flatten(background: White) : srgb.Copy();
        using var square = opaque.Gravity(Enums.CompassDirection.Centre, size, size, extend: Enums.Extend.Background, background: White);
        return square.PngsaveBuffer(keep: Enums.ForeignKeep.None);
    }

    private static byte[] FromText(AppIconSpec spec)
    {
        var size = spec.Size;
        using var background = Solid(size, spec.Background);

        // Image.Text draws a one-band mask that fits the box; it becomes the blend between foreground and background.
        using var mask = Image.Text(
            Escape(spec.Text),
            fontfile: FontFile,
            font: "DejaVu Sans Bold",
            width: size * 7 / 10,
            height: size * 45 / 100,
            align: Enums.Align.Centre);
        using var placed = mask.Gravity(Enums.CompassDirection.Centre, size, size);
        using var foreground = Solid(size, spec.Foreground);
        using var icon = placed.Ifthenelse(foreground, background, blend: true);
        return icon.PngsaveBuffer(keep: Enums.ForeignKeep.None);
    }

    private static Image Solid(int size, string color)
    {
        // Branding colours are validated when saved; a value that still does not parse draws a neutral grey.
        if (!ColorContrast.TryParse(color, out var rgb))
        {
            rgb = (128, 128, 128);
        }

        using var black = Image.Black(size, size, bands: 3);
        using var filled = black.Linear([1, 1, 1], [rgb.R, rgb.G, rgb.B]);
        return filled.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    /// <summary>Image.Text reads Pango markup: the tenant's own text must not be taken as markup.</summary>
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public void Dispose() => _cache.Dispose();
}
