using Platform.Domain.Common;

namespace Platform.Domain.Posts;

/// <summary>One numbered state of a post's content, kept for the history and for diffs.</summary>
public sealed class PostVersion : ITenantOwned
{
    private PostVersion()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid PostId { get; private set; }

    public int Number { get; private set; }

    /// <summary>The <see cref="PostContent"/> as JSON.</summary>
    public string Snapshot { get; private set; } = "";

    public Guid AuthorId { get; private set; }

    public string AuthorName { get; private set; } = "";

    public DateTime At { get; private set; }

    internal static PostVersion Of(Post post, PostContent content, PostActor by, DateTime at) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = post.TenantId,
        PostId = post.Id,
        Number = post.ContentVersion,
        Snapshot = content.ToSnapshot(),
        AuthorId = by.Id,
        AuthorName = by.Name,
        At = at,
    };
}

/// <summary>One step of the workflow: from which status to which, by whom, when, and why (a reviewer's comment).</summary>
public sealed class PostTransition : ITenantOwned
{
    public const int MaxCommentLength = 2000;

    private PostTransition()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid PostId { get; private set; }

    public PostStatus From { get; private set; }

    public PostStatus To { get; private set; }

    public Guid ByUserId { get; private set; }

    public string ByName { get; private set; } = "";

    public DateTime At { get; private set; }

    public string? Comment { get; private set; }

    internal static PostTransition Of(Post post, PostStatus from, PostStatus to, PostActor by, DateTime at, string? comment) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = post.TenantId,
        PostId = post.Id,
        From = from,
        To = to,
        ByUserId = by.Id,
        ByName = by.Name,
        At = at,
        Comment = comment is null ? null : comment.Length > MaxCommentLength ? comment[..MaxCommentLength] : comment,
    };
}

/// <summary>What one run of a publication job did.</summary>
public enum PostJobOutcome
{
    Published = 0,
    AlreadyDone = 1,
    NotDue = 2,
    Retrying = 3,
    Failed = 4,
    Unpublished = 5,
}

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
