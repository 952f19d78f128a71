namespace Platform.Application.Posts;

/// <summary>The widths a cover image is served in (<c>api/v1/posts/{id}/cover?w=</c>); a browser picks one through srcset.</summary>
public static class CoverWidths
{
    public static IReadOnlyList<int> All { get; } = [320, 640, 1024];

    /// <summary>The srcset of a cover of <paramref name="width"/> pixels: every allowed width below it, and the original.</summary>
    public static string SrcSet(Guid postId, CoverImageInfo cover)
    {
        var versioned = $"api/v1/posts/{postId}/cover?v={cover.Version}";
        var parts = All.Where(w => w < cover.Width).Select(w => $"{versioned}&w={w} {w}w").ToList();
        parts.Add($"{versioned} {cover.Width}w");
        return string.Join(", ", parts);
    }
}

/// <summary>What a page needs to show a cover without layout shift: its size, and a version that changes with it.</summary>
public sealed record CoverImageInfo(int Width, int Height, string Version);

/// <summary>Size of an image as it is shown (EXIF orientation applied).</summary>
public sealed record ImageSize(int Width, int Height);

/// <summary>
/// An uploaded image as the platform stores it: decoded completely and encoded again by the platform, so that what is
/// kept is what the decoder produced, not the bytes someone sent.
/// </summary>
public sealed record UploadedImage(string ContentType, byte[] Content, int Width, int Height);

/// <summary>A cover image file as served.</summary>
public sealed record CoverImageFile(string ContentType, byte[] Content, string Version);

/// <summary>Port to the image library: decodes uploads, measures stored images and makes smaller copies, never larger ones.</summary>
public interface IImageProcessor
{
    /// <summary>
    /// Decodes an uploaded PNG or JPEG completely (at most the allowed pixel count, checked before decoding), applies its
    /// EXIF orientation and encodes it again in the same format, keeping only its colour profile. Anything that does not
    /// decode completely (a wrong checksum, truncated data, a header that claims more than the data holds, something
    /// else behind an image signature) is refused with a validation error naming <paramref name="field"/>.
    /// </summary>
    UploadedImage Reencode(byte[] image, string field);

    /// <summary>The displayed size of a stored PNG or JPEG; refuses images of more than the allowed pixel count.</summary>
    ImageSize Measure(byte[] image);

    /// <summary>
    /// A copy <paramref name="width"/> pixels wide (WebP), or null when the image is not wider than that. The result
    /// may come from a cache keyed by <paramref name="cacheKey"/>, which must name the tenant, the image and its version.
    /// </summary>
    Task<CoverImageFile?> ResizeAsync(string cacheKey, Func<Task<byte[]?>> load, int width, string version, CancellationToken cancellationToken);
}
