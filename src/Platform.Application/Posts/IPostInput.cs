namespace Platform.Application.Posts;

/// <summary>The fields an editor sends when creating or changing a post (times in UTC).</summary>
public interface IPostInput : IPostText
{
    string? CallToActionLabel { get; }

    string? CallToActionUrl { get; }

    /// <summary>A new cover image (PNG or JPEG, base64 in JSON); null keeps the current one.</summary>
    byte[]? CoverImage { get; }

    bool RemoveCoverImage { get; }

    string? CoverImageAlt { get; }

    DateTime? ExpiresAt { get; }

    DateTime? EventStartsAt { get; }

    DateTime? EventEndsAt { get; }

    string? EventPlace { get; }

    string? EventOnlineUrl { get; }

    int? EventCapacity { get; }
}
