using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Domain.Library;

/// <summary>
/// What the network team sees of a jobcenter's participation in a campaign: who, the state of its post and when it is
/// planned; never its text. Shared, kept in step with the tenant's <see cref="LibraryCampaignOptIn"/> and post.
/// </summary>
public sealed class LibraryCampaignParticipation : ISharedEntity
{
    private LibraryCampaignParticipation()
    {
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid TenantId { get; private set; }

    public PostStatus PostStatus { get; private set; }

    /// <summary>When the post is scheduled or was published, UTC; null while it is neither.</summary>
    public DateTime? PublishAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static LibraryCampaignParticipation Of(Guid campaignId, Guid tenantId, Post post, DateTime now)
    {
        var participation = new LibraryCampaignParticipation { Id = Guid.CreateVersion7(), CampaignId = campaignId, TenantId = tenantId };
        participation.Mirror(post, now);
        return participation;
    }

    public void Mirror(Post post, DateTime now)
    {
        PostStatus = post.Status;
        PublishAt = post.Status switch
        {
            PostStatus.Scheduled => post.PublishAt,
            PostStatus.Published => post.PublishedAt,
            _ => null,
        };
        UpdatedAt = now;
    }
}
