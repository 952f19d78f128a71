using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Domain.Library;

/// <summary>
/// A jobcenter takes part in a campaign with its adopted post: the post carries the campaign's date as the time it is
/// meant to go out, and is scheduled for it when it is approved under the jobcenter's own review rule.
/// </summary>
public sealed class LibraryCampaignOptIn : ITenantOwned
{
    private LibraryCampaignOptIn()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid PostId { get; private set; }

    /// <summary>The campaign date this jobcenter agreed to, UTC; the campaign may move later.</summary>
    public DateTime PublishAt { get; private set; }

    public Guid OptedInById { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static LibraryCampaignOptIn Create(Guid tenantId, LibraryCampaign campaign, Guid postId, PostActor by, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = tenantId,
        CampaignId = campaign.Id,
        PostId = postId,
        PublishAt = campaign.PublishAt,
        OptedInById = by.Id,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Agrees to the campaign's current date (after the campaign moved).</summary>
    public void Follow(LibraryCampaign campaign, DateTime now)
    {
        PublishAt = campaign.PublishAt;
        UpdatedAt = now;
    }

    /// <summary>Whether the post should be scheduled for the campaign date now that it was approved.</summary>
    public bool SchedulesOnApproval(DateTime now) => PublishAt > now;
}
