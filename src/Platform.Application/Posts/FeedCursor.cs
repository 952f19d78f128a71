using System.Buffers.Binary;
using System.Buffers.Text;

namespace Platform.Application.Posts;

/// <summary>
/// A position in the feed: the last post of a page, by the feed's order (published, newest first; then id). The next
/// page starts after it, so a page deep in the feed costs what the first one costs (keyset pagination, issue 13).
/// Clients treat it as opaque text: URL-safe Base64 of the ticks of the publication time and the id.
/// </summary>
public readonly record struct FeedCursor(DateTime PublishedAt, Guid Id)
{
    private const int Length = sizeof(long) + 16;

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        BinaryPrimitives.WriteInt64BigEndian(bytes, PublishedAt.Ticks);
        Id.TryWriteBytes(bytes[sizeof(long)..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Reads a cursor that <see cref="ToString"/> wrote; anything else is not one.</summary>
    public static bool TryParse(string? text, out FeedCursor cursor)
    {
        cursor = default;
        Span<byte> bytes = stackalloc byte[Length];
        // IsValid first: decoding throws on text that is not Base64 at all.
        if (string.IsNullOrEmpty(text) || text.Length > 64
            || !Base64Url.IsValid(text, out var decodedLength) || decodedLength != Length
            || !Base64Url.TryDecodeFromChars(text, bytes, out var written) || written != Length)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        cursor = new FeedCursor(new DateTime(ticks, DateTimeKind.Utc), new Guid(bytes[sizeof(long)..], bigEndian: true));
        return true;
    }
}
