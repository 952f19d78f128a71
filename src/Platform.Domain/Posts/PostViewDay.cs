using Platform.Domain.Common;

namespace Platform.Domain.Posts;

/// <summary>
/// How often a post was read on one day (Europe/Berlin date): a bare count per post and day, nothing about who read
/// it (no account, address or cookie), so the counts are statistics and not personal data.
/// </summary>
public sealed class PostViewDay : ITenantOwned
{
    private PostViewDay()
    {
    }

    public Guid TenantId { get; private set; }

    public Guid PostId { get; private set; }

    public DateOnly Day { get; private set; }

    public int Count { get; private set; }

    /// <summary>The day of an instant as the jobcenter's readers live it.</summary>
    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(BerlinTime.ToLocal(utc));

    /// <summary>The first row of a post's day, holding the readings of that day counted so far.</summary>
    public static PostViewDay First(Guid tenantId, Guid postId, DateOnly day, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return new() { TenantId = tenantId, PostId = postId, Day = day, Count = count };
    }
}
