using Platform.Domain.Common;

namespace Platform.Domain.Posts;

/// <summary>A post's cover image, kept in the database (like the tenant logo) so every node serves the same one.</summary>
public sealed class PostImage : ITenantOwned
{
    public const int MaxBytes = 1024 * 1024;

    private PostImage()
    {
    }

    public Guid PostId { get; private set; }

    public Guid TenantId { get; private set; }

    public string ContentType { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Displayed width in pixels (orientation applied); 0 for images stored before sizes were recorded.</summary>
    public int Width { get; private set; }

    public int Height { get; private set; }

    public static PostImage Create(Guid tenantId, Guid postId, string contentType, byte[] content, int width, int height, DateTime now) =>
        new() { TenantId = tenantId, PostId = postId, ContentType = contentType, Content = content, Width = width, Height = height, UpdatedAt = now };

    public void Replace(string contentType, byte[] content, int width, int height, DateTime now)
    {
        ContentType = contentType;
        Content = content;
        Width = width;
        Height = height;
        UpdatedAt = now;
    }
}
