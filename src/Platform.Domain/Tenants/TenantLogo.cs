using Platform.Domain.Common;

namespace Platform.Domain.Tenants;

/// <summary>A tenant's logo image, kept in the database so every node serves the same one.</summary>
public sealed class TenantLogo : ITenantOwned
{
    public const int MaxBytes = 512 * 1024;

    private TenantLogo()
    {
    }

    public Guid TenantId { get; private set; }

    public string ContentType { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public DateTime UpdatedAt { get; private set; }

    public static TenantLogo Create(Guid tenantId, string contentType, byte[] content, DateTime now) =>
        new() { TenantId = tenantId, ContentType = contentType, Content = content, UpdatedAt = now };

    public void Replace(string contentType, byte[] content, DateTime now)
    {
        ContentType = contentType;
        Content = content;
        UpdatedAt = now;
    }
}
