using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Caching.Memory;
using NetVips;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Images;

/// <summary>
/// Images with libvips (NetVips): uploads decoded completely and encoded again, smaller copies of covers made on demand
/// and kept in a bounded in-memory cache per node. The copies are derived data (the original stays in the database), so losing the cache
/// costs only time; browsers and proxies keep them for a year because their address carries the image's version.
/// </summary>
public sealed class VipsImageProcessor : IImageProcessor, IDisposable
{
    /// <summary>
    /// Decompression-bomb limit: uploads are at most 4096 × 4096 (<c>ImageSniffer</c>); anything larger that reaches
    /// the library is refused before a pixel is decoded.
    /// </summary>
    public const long MaxPixels = 4096L * 4096L;

    private const int Quality = 75;

    // An uploaded JPEG is encoded once more: high enough that the second generation shows no loss.
    private const int JpegQuality = 90;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024 });

    // Bounds the decoding work across requests: a burst of first views of new covers cannot take every core.
    private readonly SemaphoreSlim _workers = new(Math.Max(1, Environment.ProcessorCount / 2));

    static VipsImageProcessor()
    {
        // libvips' own operation cache would keep decoded images around; ours caches the encoded results instead.
        Cache.Max = 0;
    }

    public UploadedImage Reencode(byte[] image, string field)
    {
        // The signature chooses the one loader that may read the bytes: no other libvips loader (SVG, PDF, TIFF, ...)
        // ever sees an upload.
        var contentType = ImageSniffer.Detect(image) ?? throw Refused(field, ValidationMessages.Get("Image.Unreadable"));
        var png = contentType == "image/png";
        try
        {
            // Fail on warnings, not only errors: libjpeg merely warns when the data ends early (and fills the rest with
            // grey). So a wrong checksum, truncated data or less data than the header claims all stop the decoder, and
            // only images that decode completely are stored.
            using var loaded = png
                ? Image.PngloadBuffer(image, access: Enums.Access.Sequential, failOn: Enums.FailOn.Warning)
                : Image.JpegloadBuffer(image, access: Enums.Access.Sequential, failOn: Enums.FailOn.Warning);
            if ((long)loaded.Width * loaded.Height > MaxPixels)
            {
                throw Refused(field, ValidationMessages.Get("Image.TooManyPixels"));
            }

            // Orientation goes into the pixels because the EXIF block (camera, place, time) is not kept.
            using var upright = loaded.Autorot();
            var content = png
                ? upright.PngsaveBuffer(keep: Enums.ForeignKeep.Icc, palette: IsPalette(loaded))
                : upright.JpegsaveBuffer(q: JpegQuality, keep: Enums.ForeignKeep.Icc, optimizeCoding: true);
            return new UploadedImage(contentType, content, upright.Width, upright.Height);
        }
        catch (VipsException)
        {
            throw Refused(field, ValidationMessages.Get("Image.Unreadable"));
        }
    }

    public ImageSize Measure(byte[] image)
    {
        try
        {
            using var header = Load(image);
            var rotated = header.Contains("orientation") && header.Get("orientation") is int orientation && orientation >= 5;
            return rotated ? new ImageSize(header.Height, header.Width) : new ImageSize(header.Width, header.Height);
        }
        catch (VipsException)
        {
            throw Refused("coverImage", ValidationMessages.Get("Image.Unreadable"));
        }
    }

    public async Task<CoverImageFile?> ResizeAsync(string cacheKey, Func<Task<byte[]?>> load, int width, string version, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(cacheKey, out CoverImageFile? cached))
        {
            return cached;
        }

        var original = await load();
        if (original is null)
        {
            return null;
        }

        await _workers.WaitAsync(cancellationToken);
        try
        {
            CoverImageFile? resized;
            try
            {
                resized = Resize(original, width, version);
            }
            catch (VipsException)
            {
                // Damaged beyond its header: the original is served as it is, as before there were sizes.
                return null;
            }

            if (resized is not null)
            {
                _cache.Set(cacheKey, resized, new MemoryCacheEntryOptions { Size = resized.Content.Length, SlidingExpiration = TimeSpan.FromHours(6) });
            }

            return resized;
        }
        finally
        {
            _workers.Release();
        }
    }

    private static CoverImageFile? Resize(byte[] original, int width, string version)
    {
        using (var header = Load(original))
        {
            var shownWidth = header.Contains("orientation") && header.Get("orientation") is int o && o >= 5 ? header.Height : header.Width;
            if (shownWidth <= width)
            {
                return null;
            }
        }

        // Shrink-on-load (JPEG decodes at a fraction of its size), EXIF orientation applied, never enlarged.
        using var thumbnail = Image.ThumbnailBuffer(original, width, height: 10_000, size: Enums.Size.Down, failOn: Enums.FailOn.Error);
        var bytes = thumbnail.WebpsaveBuffer(q: Quality, keep: Enums.ForeignKeep.None);
        return new CoverImageFile("image/webp", bytes, version);
    }

    private static Image Load(byte[] image)
    {
        // Reads the header only; decoding happens later and only for what is asked.
        var header = Image.NewFromBuffer(image, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
        if ((long)header.Width * header.Height > MaxPixels)
        {
            header.Dispose();
            throw Refused("coverImage", ValidationMessages.Get("Image.TooManyPixels"));
        }

        return header;
    }

    // A palette PNG (most logos) stays one: saved as RGB it would grow several times.
    private static bool IsPalette(Image image) => image.Contains("palette") && image.Get("palette") is true or 1;

    private static ValidationException Refused(string field, string message) => new([new ValidationFailure(field, message)]);

    public void Dispose()
    {
        _cache.Dispose();
        _workers.Dispose();
    }
}
