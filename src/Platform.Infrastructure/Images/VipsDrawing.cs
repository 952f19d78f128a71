using NetVips;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Images;

/// <summary>What the icon and card renderers share: the fonts that ship with the platform, solid colours, text masks.</summary>
internal static class VipsDrawing
{
    /// <summary>DejaVu Sans (Bitstream Vera licence, Images/Fonts/LICENSE), copied to the output: no font is looked up at run time.</summary>
    public static readonly string RegularFont = Path.Combine(AppContext.BaseDirectory, "Images", "Fonts", "DejaVuSans.ttf");

    public static readonly string BoldFont = Path.Combine(AppContext.BaseDirectory, "Images", "Fonts", "DejaVuSans-Bold.ttf");

    public static readonly double[] White = [255, 255, 255];

    /// <summary>A <paramref name="width"/> × <paramref name="height"/> sRGB image of one colour; one that does not parse is grey.</summary>
    public static Image Solid(int width, int height, string color)
    {
        // Branding colours are validated when saved; a value that still does not parse draws a neutral grey.
        if (!ColorContrast.TryParse(color, out var rgb))
        {
            rgb = (128, 128, 128);
        }

        using var black = Image.Black(width, height, bands: 3);
        using var filled = black.Linear([1, 1, 1], [rgb.R, rgb.G, rgb.B]);
        return filled.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    /// <summary>A one-band mask of <paramref name="text"/> (the tenant's own, never taken as Pango markup).</summary>
    public static Image Text(string text, bool bold, int pixels, int? width = null, int? height = null, Enums.Align align = Enums.Align.Low) =>
        Image.Text(
            Escape(text),
            font: $"DejaVu Sans{(bold ? " Bold" : "")} {pixels}",
            fontfile: bold ? BoldFont : RegularFont,
            width: width,
            height: height,
            align: align,
            wrap: Enums.TextWrap.WordChar);

    /// <summary><paramref name="mask"/> painted in <paramref name="color"/> over <paramref name="canvas"/> at (x, y) through its mask.</summary>
    public static Image Paint(Image canvas, Image mask, string color, int x, int y)
    {
        using var placed = mask.Embed(x, y, canvas.Width, canvas.Height);
        using var ink = Solid(canvas.Width, canvas.Height, color);
        return placed.Ifthenelse(ink, canvas, blend: true);
    }

    /// <summary>Image.Text reads Pango markup: the tenant's own text must not be taken as markup; control characters go.</summary>
    public static string Escape(string text)
    {
        var clean = new string([.. text.Where(c => c == '\n' || !char.IsControl(c))]);
        return clean.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
    }
}
