using Platform.Domain.Common;

namespace Platform.Domain.Posts;

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
