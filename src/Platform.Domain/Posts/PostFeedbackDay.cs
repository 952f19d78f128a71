using Platform.Domain.Common;

namespace Platform.Domain.Posts;

/// <summary>
/// How often readers answered "Hat dir das geholfen?" with yes and with no on one day (Europe/Berlin date): two bare
/// counts per post and day, nothing about who answered (no account, device, address or cookie), so they are
/// statistics and not personal data.
/// </summary>
public sealed class PostFeedbackDay : ITenantOwned
{
    private PostFeedbackDay()
    {
    }

    public Guid TenantId { get; private set; }

    public Guid PostId { get; private set; }

    public DateOnly Day { get; private set; }

    public int Yes { get; private set; }

    public int No { get; private set; }

    /// <summary>The first row of a post's day, holding the one answer that opened it.</summary>
    public static PostFeedbackDay First(Guid tenantId, Guid postId, DateOnly day, bool helpful) =>
        new() { TenantId = tenantId, PostId = postId, Day = day, Yes = helpful ? 1 : 0, No = helpful ? 0 : 1 };
}
