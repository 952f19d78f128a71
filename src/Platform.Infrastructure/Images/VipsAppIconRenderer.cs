using Microsoft.Extensions.Caching.Memory;
using NetVips;
using Platform.Application.Tenants;

namespace Platform.Infrastructure.Images;

/// <summary>
/// App icons with libvips: the logo fitted onto a white square, or the initials in DejaVu Sans Bold (shipped in Images/Fonts) on the brand
/// colour; a maskable icon draws them smaller, inside the safe zone (<see cref="AppIconSpec.ContentShare"/>). Kept in a small in-memory cache per node; the key carries the tenant and the branding version, and the
/// icons are derived data, so losing the cache costs only time.
/// </summary>
public sealed class VipsAppIconRenderer : IAppIconRenderer, IDisposable
{
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
            png = logo is null ? FromText(spec) : FromLogo(logo, spec);
        }
        catch (VipsException)
        {
            // A logo the library cannot decode (stored before uploads were decoded in full) still gets an icon.
            png = FromText(spec);
        }

        _cache.Set(cacheKey, png, new MemoryCacheEntryOptions { Size = png.Length, SlidingExpiration = TimeSpan.FromHours(6) });
        return png;
    }

    private static byte[] FromLogo(byte[] logo, AppIconSpec spec)
    {
        // A margin on each side, so that a logo that fills its image does not touch the icon's edge (or, maskable, the
        // edge of the circle a phone may cut).
        var size = spec.Size;
        var inner = (int)(size * spec.ContentShare);
        using var thumbnail = Image.ThumbnailBuffer(logo, inner, height: inner, size: Enums.Size.Both, failOn: Enums.FailOn.Error);
        using var srgb = thumbnail.Colourspace(Enums.Interpretation.Srgb);
        using var opaque = srgb.HasAlpha() ? srgb.Flatten(background: VipsDrawing.White) : srgb.Copy();
        using var square = opaque.Gravity(Enums.CompassDirection.Centre, size, size, extend: Enums.Extend.Background, background: VipsDrawing.White);
        return square.PngsaveBuffer(keep: Enums.ForeignKeep.None);
    }

    private static byte[] FromText(AppIconSpec spec)
    {
        var size = spec.Size;
        using var background = VipsDrawing.Solid(size, size, spec.Background);

        // Image.Text draws a one-band mask that fits the box; it becomes the blend between foreground and background.
        using var mask = Image.Text(
            VipsDrawing.Escape(spec.Text),
            fontfile: VipsDrawing.BoldFont,
            font: "DejaVu Sans Bold",
            width: (int)(size * spec.ContentShare * 7 / 8),
            height: (int)(size * spec.ContentShare * 45 / 80),
            align: Enums.Align.Centre);
        using var placed = mask.Gravity(Enums.CompassDirection.Centre, size, size);
        using var foreground = VipsDrawing.Solid(size, size, spec.Foreground);
        using var icon = placed.Ifthenelse(foreground, background, blend: true);
        return icon.PngsaveBuffer(keep: Enums.ForeignKeep.None);
    }

    public void Dispose() => _cache.Dispose();
}
