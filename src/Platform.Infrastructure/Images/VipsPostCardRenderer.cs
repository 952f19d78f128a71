using System.Globalization;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using NetVips;
using Platform.Application.Posts;

namespace Platform.Infrastructure.Images;

/// <summary>
/// Post cards and Instagram slides with libvips: the jobcenter's primary colour as ground, its logo (or initials) and
/// name at the top, the text as large as fits its box (smaller step by step, at the smallest cut with an ellipsis), the
/// topic above an accent bar at the foot. Cached per node in memory; the key names the tenant and every version the card
/// is drawn from, and cards are derived data, so losing the cache costs only time.
/// </summary>
public sealed class VipsPostCardRenderer : IPostCardRenderer, IDisposable
{
    /// <summary>Nobody reads more on a card; a longer text (a 10,000-character title) is cut before it is laid out.</summary>
    private const int MaxTextChars = 400;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024 });

    public async Task<byte[]> RenderAsync(string cacheKey, PostCardSpec spec, Func<Task<byte[]?>> loadLogo, int? width, CancellationToken cancellationToken)
    {
        // A smaller copy (a srcset width) is scaled from the full card, which is drawn once and kept under its own key.
        var scaled = width is { } w && w < spec.Width ? w : (int?)null;
        var key = scaled is { } s ? string.Create(CultureInfo.InvariantCulture, $"{cacheKey}:{s}") : cacheKey;
        if (_cache.TryGetValue(key, out byte[]? cached) && cached is not null)
        {
            return cached;
        }

        byte[] png;
        if (scaled is { } target)
        {
            var full = await RenderAsync(cacheKey, spec, loadLogo, null, cancellationToken);
            using var smaller = Image.ThumbnailBuffer(full, target);
            png = smaller.PngsaveBuffer(keep: Enums.ForeignKeep.None);
        }
        else
        {
            var logo = await loadLogo();
            cancellationToken.ThrowIfCancellationRequested();
            png = Draw(spec, logo);
        }

        _cache.Set(key, png, new MemoryCacheEntryOptions { Size = png.Length, SlidingExpiration = TimeSpan.FromHours(6) });
        return png;
    }

    /// <summary>The card at full size, as PNG.</summary>
    public static byte[] Draw(PostCardSpec spec, byte[]? logo)
    {
        int W = spec.Width, H = spec.Height;
        var unit = Math.Min(W, H);
        var pad = unit * 8 / 100;
        var badge = unit * 14 / 100;
        var bar = Math.Max(8, unit * 2 / 100);
        var kickerBox = unit * 7 / 100;

        var canvas = VipsDrawing.Solid(W, H, spec.Background);
        try
        {
            // The badge: the logo on white, or the initials in the ground colour on the text colour (the same contrast).
            using (var mark = Badge(spec, logo, badge))
            {
                Swap(ref canvas, canvas.Insert(mark, pad, pad));
            }

            var nameX = pad + badge + (pad / 2);
            DrawFitted(ref canvas, WithoutEmoji(spec.Footer), bold: true, spec.Foreground, nameX, pad, W - nameX - pad, badge, unit * 45 / 1000, lines: 2, centreVertically: true);

            var textTop = pad + badge + (pad / 2);
            var kickerTop = H - bar - pad - kickerBox;
            var maxSize = spec.Style == PostCardStyle.Title ? unit / 10 : unit * 55 / 1000;

            // The shipped font has no emoji (and the platform fetches none): they are left out, and a text of nothing
            // but emoji shows the topic instead, or the jobcenter's name.
            var text = new[] { WithoutEmoji(spec.Text), spec.Kicker, spec.Footer }.First(t => t.Trim().Length > 0 || ReferenceEquals(t, spec.Footer));
            DrawFitted(ref canvas, text, spec.Style == PostCardStyle.Title, spec.Foreground, pad, textTop, W - (2 * pad), kickerTop - (pad / 2) - textTop, maxSize, lines: int.MaxValue, centreVertically: spec.Style == PostCardStyle.Title);
            DrawFitted(ref canvas, WithoutEmoji(spec.Kicker), bold: false, spec.Foreground, pad, kickerTop, W - (2 * pad), kickerBox, unit * 4 / 100, lines: 1, centreVertically: true);

            using (var accent = VipsDrawing.Solid(W, bar, spec.Accent))
            {
                Swap(ref canvas, canvas.Insert(accent, 0, H - bar));
            }

            return canvas.PngsaveBuffer(keep: Enums.ForeignKeep.None);
        }
        finally
        {
            canvas.Dispose();
        }
    }

    private static Image Badge(PostCardSpec spec, byte[]? logo, int size)
    {
        if (logo is not null)
        {
            try
            {
                var inner = size * 8 / 10;
                using var thumbnail = Image.ThumbnailBuffer(logo, inner, height: inner, size: Enums.Size.Both, failOn: Enums.FailOn.Error);
                using var srgb = thumbnail.Colourspace(Enums.Interpretation.Srgb);
                using var opaque = srgb.HasAlpha() ? srgb.Flatten(background: VipsDrawing.White) : srgb.Copy();
                return opaque.Gravity(Enums.CompassDirection.Centre, size, size, extend: Enums.Extend.Background, background: VipsDrawing.White);
            }
            catch (VipsException)
            {
                // A logo the library cannot decode still gets a card: with the initials.
            }
        }

        var badge = VipsDrawing.Solid(size, size, spec.Foreground);
        using var initials = FitMask(spec.Initials, bold: true, size * 7 / 10, size * 45 / 100, size * 45 / 100, maxLines: 1, Enums.Align.Centre);
        if (initials is null)
        {
            return badge;
        }

        using (badge)
        {
            return VipsDrawing.Paint(badge, initials, spec.Background, (size - initials.Width) / 2, (size - initials.Height) / 2);
        }
    }

    private static void DrawFitted(
        ref Image canvas, string text, bool bold, string color, int x, int y, int width, int height, int maxSize, int lines, bool centreVertically)
    {
        using var mask = FitMask(text, bold, width, height, maxSize, lines, Enums.Align.Low);
        if (mask is null)
        {
            return;
        }

        var top = centreVertically ? y + ((height - mask.Height) / 2) : y;
        Swap(ref canvas, VipsDrawing.Paint(canvas, mask, color, x, top));
    }

    /// <summary>
    /// The text as a mask inside width × height: the largest size from <paramref name="maxSize"/> down to 35 % of it at
    /// which it fits in at most <paramref name="maxLines"/> lines; at the smallest, cut shorter with an ellipsis until it fits.
    /// Null when there is nothing to draw.
    /// </summary>
    private static Image? FitMask(string text, bool bold, int width, int height, int maxSize, int maxLines, Enums.Align align)
    {
        // Runs of spaces become one, line breaks (between an Instagram slide's key points) stay.
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .Select(l => string.Join(' ', l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)));
        var shown = PostCards.Shorten(string.Join('\n', lines).Trim(), MaxTextChars);
        if (shown.Length == 0 || width <= 0 || height <= 0)
        {
            return null;
        }

        var minSize = Math.Max(8, maxSize * 35 / 100);

        // Down to 45 % of the size, the longest word must fit on a line: a German compound is broken (and hyphenated by
        // Pango) only when the text would otherwise get too small.
        var wholeWords = maxSize * 45 / 100;
        var longest = shown.Split([' ', '\n']).MaxBy(w => w.Length) ?? shown;
        for (var size = maxSize; ; size = Math.Max(minSize, size * 9 / 10))
        {
            if (size > wholeWords && !Fits(longest, bold, size, width))
            {
                continue;
            }

            var mask = VipsDrawing.Text(shown, bold, size, width, align: align);
            var lineHeight = size * 1.25;
            if ((mask.Height <= height && mask.Height <= lineHeight * maxLines) || (size == minSize && shown.Length <= 1))
            {
                return mask.Height <= height ? mask : Crop(mask, height);
            }

            mask.Dispose();
            if (size == minSize)
            {
                // Too long even at the smallest size: a quarter shorter, and again, until it fits.
                shown = PostCards.Shorten(shown, Math.Max(1, shown.Length * 3 / 4));
            }
        }
    }

    /// <summary>
    /// The text without emoji and what joins or modifies them (pictographs above U+1F000, the symbol blocks U+2600–U+27BF
    /// and U+2B00–U+2BFF where they are not in the font, zero-width joiners, variation selectors, skin tones and flags).
    /// </summary>
    public static string WithoutEmoji(string text)
    {
        var kept = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            var emoji = value >= 0x1F000 || value == 0x200D || value is >= 0xFE00 and <= 0xFE0F || value is >= 0x2B00 and <= 0x2BFF
                || (value is >= 0x2600 and <= 0x27BF && Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol);
            if (!emoji)
            {
                kept.Append(rune.ToString());
            }
        }

        return kept.ToString();
    }

    private static bool Fits(string word, bool bold, int size, int width)
    {
        using var line = VipsDrawing.Text(word, bold, size);
        return line.Width <= width;
    }

    private static Image Crop(Image mask, int height)
    {
        using (mask)
        {
            return mask.Crop(0, 0, mask.Width, height);
        }
    }

    private static void Swap(ref Image canvas, Image next)
    {
        canvas.Dispose();
        canvas = next;
    }

    public void Dispose() => _cache.Dispose();
}
