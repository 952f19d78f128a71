using Platform.Domain.Common;

namespace Platform.Domain.Posts;

/// <summary>A post a signed-in person keeps on their "Merkliste"; one per person and post.</summary>
public sealed class Bookmark : ITenantOwned
{
    private Bookmark()
    {
    }

    public Guid TenantId { get; private set; }

    public Guid UserId { get; private set; }

    public Guid PostId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Bookmark Create(Guid tenantId, Guid userId, Guid postId, DateTime now)
    {
        if (tenantId == Guid.Empty || userId == Guid.Empty || postId == Guid.Empty)
        {
            throw new DomainException("bookmark", "Ein Merkzettel braucht Jobcenter, Person und Beitrag.");
        }

        return new Bookmark { TenantId = tenantId, UserId = userId, PostId = postId, CreatedAt = now };
    }
}
