using Platform.Domain.Common;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// A key of the platform itself that every node must share (not a tenant's): for example the VAPID key pair of web
/// push, which the browsers' subscriptions are bound to. The value is protected with Data Protection, so it is
/// encrypted at rest wherever the key ring is.
/// </summary>
public sealed class PlatformKey : ISharedEntity
{
    public const int NameLength = 100;

    public required string Name { get; init; }

    public required string ProtectedValue { get; init; }

    public DateTime CreatedAt { get; init; }
}
