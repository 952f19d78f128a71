using Platform.Domain.Common;

namespace Platform.Domain.Library;

/// <summary>
/// Which jobcenter uses a library item in which version: the only thing the library tells NetworkEditors about its
/// adopters (never their local changes or drafts). Shared, kept in step with each tenant's <see cref="LibraryAdoption"/>.
/// </summary>
public sealed class LibraryUsage : ISharedEntity
{
    private LibraryUsage()
    {
    }

    public Guid Id { get; private set; }

    public Guid LibraryItemId { get; private set; }

    public Guid TenantId { get; private set; }

    public int Version { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static LibraryUsage Of(Guid itemId, Guid tenantId, int version, DateTime now) =>
        new() { Id = Guid.CreateVersion7(), LibraryItemId = itemId, TenantId = tenantId, Version = version, UpdatedAt = now };

    public void Use(int version, DateTime now)
    {
        Version = version;
        UpdatedAt = now;
    }
}
