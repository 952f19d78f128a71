using Platform.Domain.Common;

namespace Platform.Domain.Posts;

/// <summary>One run of a job for a post, shown to staff in the editor.</summary>
public sealed class PostJobRun : ITenantOwned
{
    public const int MaxMessageLength = 1000;

    private PostJobRun()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid PostId { get; private set; }

    public DateTime? ScheduledFor { get; private set; }

    public DateTime RanAt { get; private set; }

    public PostJobOutcome Outcome { get; private set; }

    public string Message { get; private set; } = "";

    public static PostJobRun Record(Guid tenantId, Guid postId, DateTime? scheduledFor, DateTime ranAt, PostJobOutcome outcome, string message) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = tenantId,
        PostId = postId,
        ScheduledFor = scheduledFor,
        RanAt = ranAt,
        Outcome = outcome,
        Message = message.Length > MaxMessageLength ? message[..MaxMessageLength] : message,
    };
}
