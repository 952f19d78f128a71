namespace Platform.Application.Posts;

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
