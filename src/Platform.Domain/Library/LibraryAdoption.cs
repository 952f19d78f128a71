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
        string Pick(string name, string? b, string? l, string? t)
        {
            b ??= "";
            l ??= "";
            t ??= "";
            if (l == t || t == b)
            {
                return l;
            }

            if (l == b)
            {
                updated.Add(name);
                return t;
            }

            conflicts.Add(name);
            return l;
        }

        static string? Null(string value) => value.Length == 0 ? null : value;
        var topics = Pick(nameof(PostContent.Topics), ((int)baseContent.Topics).ToString(System.Globalization.CultureInfo.InvariantCulture), ((int)local.Topics).ToString(System.Globalization.CultureInfo.InvariantCulture), ((int)theirs.Topics).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var merged = local with
        {
            Title = Pick(nameof(PostContent.Title), baseContent.Title, local.Title, theirs.Title),
            Summary = Pick(nameof(PostContent.Summary), baseContent.Summary, local.Summary, theirs.Summary),
            BodyMarkdown = Pick(nameof(PostContent.BodyMarkdown), baseContent.BodyMarkdown, local.BodyMarkdown, theirs.BodyMarkdown),
            Topics = (Topics)int.Parse(topics, System.Globalization.CultureInfo.InvariantCulture),
            Language = Pick(nameof(PostContent.Language), baseContent.Language, local.Language, theirs.Language),
            EasyTitle = Null(Pick(nameof(PostContent.EasyTitle), baseContent.EasyTitle, local.EasyTitle, theirs.EasyTitle)),
            EasySummary = Null(Pick(nameof(PostContent.EasySummary), baseContent.EasySummary, local.EasySummary, theirs.EasySummary)),
            EasyBodyMarkdown = Null(Pick(nameof(PostContent.EasyBodyMarkdown), baseContent.EasyBodyMarkdown, local.EasyBodyMarkdown, theirs.EasyBodyMarkdown)),
        };
        return (merged, updated, conflicts);
    }
}
