using Platform.Domain.Common;

namespace Platform.Domain.Posts;

/// <summary>
/// One of up to <see cref="MaxCount"/> links the editors pin to the top of the jobcenter's link page (<c>/links</c>),
/// the page its Instagram profile points to. The list is replaced as a whole; <see cref="Position"/> is its order.
/// </summary>
public sealed class PinnedLink : ITenantOwned
{
    public const int MaxCount = 8;
    public const int MaxLabelLength = 80;
    public const int MaxUrlLength = 500;

    private PinnedLink()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public int Position { get; private set; }

    public PinnedLinkKind Kind { get; private set; }

    /// <summary>The post or event, for <see cref="PinnedLinkKind.Post"/> and <see cref="PinnedLinkKind.Event"/>.</summary>
    public Guid? PostId { get; private set; }

    /// <summary>The <c>https://</c> address of a <see cref="PinnedLinkKind.External"/> link; empty otherwise.</summary>
    public string Url { get; private set; } = "";

    public string Label { get; private set; } = "";

    public static PinnedLink Create(Guid tenantId, int position, PinnedLinkKind kind, Guid? postId, string? url, string label)
    {
        var needsPost = kind is PinnedLinkKind.Post or PinnedLinkKind.Event;
        if (tenantId == Guid.Empty || position is < 0 or >= MaxCount || needsPost != postId.HasValue
            || (kind == PinnedLinkKind.External) != !string.IsNullOrWhiteSpace(url) || string.IsNullOrWhiteSpace(label))
        {
            throw new DomainException("pinnedLink", "Ein angehefteter Link braucht eine Bezeichnung und genau ein Ziel.");
        }

        return new PinnedLink
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Position = position,
            Kind = kind,
            PostId = postId,
            Url = url?.Trim() ?? "",
            Label = label.Trim(),
        };
    }
}
