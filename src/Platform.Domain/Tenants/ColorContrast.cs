using System.Globalization;

namespace Platform.Domain.Tenants;

/// <summary>WCAG 2.1 contrast arithmetic for #rrggbb colours.</summary>
public static class ColorContrast
{
    /// <summary>WCAG AA for normal text.</summary>
    public const double MinimumTextContrast = 4.5;

    public static bool TryParse(string? hex, out (double R, double G, double B) rgb)
    {
        rgb = default;
        if (hex is not { Length: 7 } || hex[0] != '#'
            || !int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        rgb = ((value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
        return true;
    }

    public static double RelativeLuminance(string hex)
    {
        if (!TryParse(hex, out var rgb))
        {
            throw new ArgumentException($"'{hex}' is not a #rrggbb colour.", nameof(hex));
        }

        return (0.2126 * Channel(rgb.R)) + (0.7152 * Channel(rgb.G)) + (0.0722 * Channel(rgb.B));

        static double Channel(double c)
        {
            var s = c / 255.0;
            return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }
    }

    public static double Ratio(string foreground, string background)
    {
        var a = RelativeLuminance(foreground);
        var b = RelativeLuminance(background);
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    /// <summary>White or black, whichever reads better on <paramref name="background"/>.</summary>
    public static string TextColorFor(string background) =>
        Ratio("#ffffff", background) >= Ratio("#000000", background) ? "#ffffff" : "#000000";

    /// <summary>
    /// A brand's primary colour is also the colour of links and outlined buttons on the white page, so it must reach
    /// AA against white; the accent carries its own text (white or black) on it.
    /// </summary>
    public static bool IsUsablePrimary(string color) =>
        TryParse(color, out _) && Ratio(color, "#ffffff") >= MinimumTextContrast;

    public static bool IsUsableAccent(string color) =>
        TryParse(color, out _) && Ratio(TextColorFor(color), color) >= MinimumTextContrast;
}
