using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Domain.Library;

/// <summary>
/// A jobcenter took over a library item as a post of its own. It remembers the version it adopted and that version's
/// content as filled in for this jobcenter (the base of the three-way take-over), and the newest version it has seen
/// (kept its own text for).
/// </summary>
public sealed class LibraryAdoption : ITenantOwned
{
    private LibraryAdoption()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid LibraryItemId { get; private set; }

    public Guid PostId { get; private set; }

    public int AdoptedVersion { get; private set; }

    /// <summary>The newest library version this jobcenter decided on (took over or kept its own).</summary>
    public int SeenVersion { get; private set; }

    /// <summary>The adopted version as filled for this jobcenter (<see cref="PostContent"/> snapshot).</summary>
    public string BaseSnapshot { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public PostContent Base => PostContent.FromSnapshot(BaseSnapshot);

    public bool UpdateAvailable(int? publishedVersion) => publishedVersion is { } v && v > SeenVersion;

    public static LibraryAdoption Create(Guid tenantId, Guid itemId, Guid postId, int version, PostContent filled, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = tenantId,
        LibraryItemId = itemId,
        PostId = postId,
        AdoptedVersion = version,
        SeenVersion = version,
        BaseSnapshot = filled.ToSnapshot(),
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void TookOver(int version, PostContent filled, DateTime now)
    {
        AdoptedVersion = version;
        SeenVersion = version;
        BaseSnapshot = filled.ToSnapshot();
        UpdatedAt = now;
    }

    public void KeptOwn(int version, DateTime now)
    {
        SeenVersion = Math.Max(SeenVersion, version);
        UpdatedAt = now;
    }

    /// <summary>
    /// Three-way merge of the texts: a field the jobcenter did not change since adoption gets the new text; a field it
    /// changed keeps its text, and when the library changed it too that field is a conflict.
    /// </summary>
    public static (PostContent Merged, IReadOnlyList<string> Updated, IReadOnlyList<string> Conflicts) Merge(
        PostContent baseContent, PostContent local, PostContent theirs)
    {
        var updated = new List<string>();
        var conflicts = new List<string>();
        T Pick<T>(string name, T b, T l, T t)
        {
            var same = EqualityComparer<T>.Default;
            if (same.Equals(l, t) || same.Equals(t, b))
            {
                return l;
            }

            if (same.Equals(l, b))
            {
                updated.Add(name);
                return t;
            }

            conflicts.Add(name);
            return l;
        }

        // Optional texts: empty and missing are the same text.
        string? Text(string name, string? b, string? l, string? t)
        {
            var picked = Pick(name, b ?? "", l ?? "", t ?? "");
            return picked.Length == 0 ? null : picked;
        }

        // The cover image itself stays the jobcenter's (its copy is made on adoption); its text alternative is merged.
        var merged = local with
        {
            Title = Pick(nameof(PostContent.Title), baseContent.Title, local.Title, theirs.Title),
            Summary = Pick(nameof(PostContent.Summary), baseContent.Summary, local.Summary, theirs.Summary),
            BodyMarkdown = Pick(nameof(PostContent.BodyMarkdown), baseContent.BodyMarkdown, local.BodyMarkdown, theirs.BodyMarkdown),
            Topics = Pick(nameof(PostContent.Topics), baseContent.Topics, local.Topics, theirs.Topics),
            Language = Pick(nameof(PostContent.Language), baseContent.Language, local.Language, theirs.Language),
            EasyTitle = Text(nameof(PostContent.EasyTitle), baseContent.EasyTitle, local.EasyTitle, theirs.EasyTitle),
            EasySummary = Text(nameof(PostContent.EasySummary), baseContent.EasySummary, local.EasySummary, theirs.EasySummary),
            EasyBodyMarkdown = Text(nameof(PostContent.EasyBodyMarkdown), baseContent.EasyBodyMarkdown, local.EasyBodyMarkdown, theirs.EasyBodyMarkdown),
            CallToActionLabel = Text(nameof(PostContent.CallToActionLabel), baseContent.CallToActionLabel, local.CallToActionLabel, theirs.CallToActionLabel),
            CallToActionUrl = Text(nameof(PostContent.CallToActionUrl), baseContent.CallToActionUrl, local.CallToActionUrl, theirs.CallToActionUrl),
            CoverImageAlt = local.HasCoverImage
                ? Text(nameof(PostContent.CoverImageAlt), baseContent.CoverImageAlt, local.CoverImageAlt, theirs.CoverImageAlt)
                : local.CoverImageAlt,
            ExpiresAt = Pick(nameof(PostContent.ExpiresAt), baseContent.ExpiresAt, local.ExpiresAt, theirs.ExpiresAt),
            EventStartsAt = Pick(nameof(PostContent.EventStartsAt), baseContent.EventStartsAt, local.EventStartsAt, theirs.EventStartsAt),
            EventEndsAt = Pick(nameof(PostContent.EventEndsAt), baseContent.EventEndsAt, local.EventEndsAt, theirs.EventEndsAt),
            EventPlace = Text(nameof(PostContent.EventPlace), baseContent.EventPlace, local.EventPlace, theirs.EventPlace),
            EventOnlineUrl = Text(nameof(PostContent.EventOnlineUrl), baseContent.EventOnlineUrl, local.EventOnlineUrl, theirs.EventOnlineUrl),
            EventCapacity = Pick(nameof(PostContent.EventCapacity), baseContent.EventCapacity, local.EventCapacity, theirs.EventCapacity),
        };
        return (merged, updated, conflicts);
    }
}
