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
