using System.Buffers.Binary;

namespace Platform.Domain.Tenants;

/// <summary>
/// Recognises PNG and JPEG images by their content, not their file name: signature, header structure and sane
/// dimensions. Anything else (SVG, HTML, a renamed executable) is not an image here.
/// </summary>
public static class ImageSniffer
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public const int MaxDimension = 4096;

    /// <summary>Returns "image/png" or "image/jpeg", or null when the bytes are not a plausible image of those kinds.</summary>
    public static string? Detect(ReadOnlySpan<byte> data)
    {
        if (IsPng(data))
        {
            return "image/png";
        }

        return IsJpeg(data) ? "image/jpeg" : null;
    }

    private static bool IsPng(ReadOnlySpan<byte> data)
    {
        // Signature, then the IHDR chunk of length 13 with width and height, and the IEND chunk at the end.
        if (data.Length < 8 + 25 + 12 || !data[..8].SequenceEqual(PngSignature))
        {
            return false;
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(data[8..]) != 13 || !data[12..16].SequenceEqual("IHDR"u8))
        {
            return false;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(data[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[20..]);
        return width is > 0 and <= MaxDimension && height is > 0 and <= MaxDimension && data[^8..^4].SequenceEqual("IEND"u8);
    }

    private static bool IsJpeg(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8 || data[^2] != 0xFF || data[^1] != 0xD9)
        {
            return false;
        }

        // Walk the segments until a start-of-frame marker gives the dimensions.
        var i = 2;
        while (i + 9 < data.Length)
        {
            if (data[i] != 0xFF)
            {
                return false;
            }

            var marker = data[i + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                var height = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 7)..]);
                return width is > 0 and <= MaxDimension && height is > 0 and <= MaxDimension;
            }

            if (length < 2)
            {
                return false;
            }

            i += 2 + length;
        }

        return false;
    }
}
