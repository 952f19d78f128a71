using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Domain.Common;

namespace Platform.Domain.Posts;

/// <summary>
/// Everything an editor writes about a post or a NetworkEditor about a library item: one value, stored as a complex
/// property of <see cref="Post"/> and of <see cref="Library.LibraryItemVersion"/>. A version keeps a snapshot of it; two
/// snapshots are compared and merged field by field (<see cref="Merge"/>).
/// </summary>
public sealed record PostContent
{
    public string Title { get; init; } = "";

    public string Summary { get; init; } = "";

    public string BodyMarkdown { get; init; } = "";

    public Topics Topics { get; init; }

    /// <summary>ISO 639-1 code of the post's language, "de" unless said otherwise.</summary>
    public string Language { get; init; } = Post.DefaultLanguage;

    /// <summary>The optional version in Einfache Sprache (plain German): title, summary and body.</summary>
    public string? EasyTitle { get; init; }

    public string? EasySummary { get; init; }

    public string? EasyBodyMarkdown { get; init; }

    /// <summary>The optional version in Leichte Sprache (Easy Read, BITV 2.0 Annex 2): title, summary and body.</summary>
    public string? EasyReadTitle { get; init; }

    public string? EasyReadSummary { get; init; }

    public string? EasyReadBodyMarkdown { get; init; }

    public string? CallToActionLabel { get; init; }

    /// <summary>An https address the call-to-action button leads to.</summary>
    public string? CallToActionUrl { get; init; }

    /// <summary>Text alternative of the cover image; required when there is one.</summary>
    public string? CoverImageAlt { get; init; }

    /// <summary>Whether the content shows a cover image (the image itself is stored beside it).</summary>
    public bool HasCoverImage { get; init; }

    /// <summary>After this instant (UTC) a published post is taken down again.</summary>
    public DateTime? ExpiresAt { get; init; }

    /// <summary>Set for event posts: when (UTC), where, how many can come.</summary>
    public DateTime? EventStartsAt { get; init; }

    public DateTime? EventEndsAt { get; init; }

    public string? EventPlace { get; init; }

    public string? EventOnlineUrl { get; init; }

    public int? EventCapacity { get; init; }

    [JsonIgnore]
    public bool IsEvent => EventStartsAt is not null;

    private static readonly JsonSerializerOptions SnapshotOptions = new() { WriteIndented = false };

    public string ToSnapshot() => JsonSerializer.Serialize(this, SnapshotOptions);

    public static PostContent FromSnapshot(string snapshot) =>
        JsonSerializer.Deserialize<PostContent>(snapshot, SnapshotOptions) ?? new PostContent();

    /// <summary>
    /// The content as it is stored: texts trimmed, empty optional texts null, the language in lower case, the alt text
    /// only with a cover, the event fields only for an event.
    /// </summary>
    public PostContent Normalized() => this with
    {
        Title = Title.Trim(),
        Summary = Summary.Trim(),
        Language = string.IsNullOrWhiteSpace(Language) ? Post.DefaultLanguage : Language.Trim().ToLowerInvariant(),
        EasyTitle = Blank(EasyTitle),
        EasySummary = Blank(EasySummary),
        EasyBodyMarkdown = Blank(EasyBodyMarkdown),
        EasyReadTitle = Blank(EasyReadTitle),
        EasyReadSummary = Blank(EasyReadSummary),
        EasyReadBodyMarkdown = Blank(EasyReadBodyMarkdown),
        CallToActionLabel = Blank(CallToActionLabel),
        CallToActionUrl = Blank(CallToActionUrl),
        CoverImageAlt = HasCoverImage ? Blank(CoverImageAlt) : null,
        EventEndsAt = IsEvent ? EventEndsAt : null,
        EventPlace = IsEvent ? Blank(EventPlace) : null,
        EventOnlineUrl = IsEvent ? Blank(EventOnlineUrl) : null,
        EventCapacity = IsEvent ? EventCapacity : null,
    };

    /// <summary>The rules every post and library item keeps; <paramref name="owner"/> names it in codes and messages.</summary>
    public void EnsureComplete(ContentOwner owner)
    {
        var (code, noun) = owner == ContentOwner.Post ? ("post", "Ein Beitrag") : ("library", "Ein Bibliothekseintrag");
        if (string.IsNullOrWhiteSpace(Title))
        {
            throw new DomainException($"{code}.title", $"{noun} braucht einen Titel.");
        }

        if (Topics == Topics.None)
        {
            throw new DomainException($"{code}.topics", $"{noun} braucht mindestens ein Thema.");
        }

        if (HasCoverImage && string.IsNullOrWhiteSpace(CoverImageAlt))
        {
            throw new DomainException($"{code}.coverImageAlt", "Ein Titelbild braucht einen Alternativtext.");
        }
    }

    /// <summary>
    /// Three-way merge: a field <paramref name="local"/> did not change since <paramref name="baseContent"/> gets the text
    /// of <paramref name="theirs"/>; a field it changed keeps its text, and when theirs changed it too that field is a
    /// conflict. The cover image itself stays the local one; its text alternative is merged.
    /// </summary>
    public static (PostContent Merged, IReadOnlyList<string> Updated, IReadOnlyList<string> Conflicts) Merge(
        PostContent baseContent, PostContent local, PostContent theirs)
    {
        var updated = new List<string>();
        var conflicts = new List<string>();
        T Pick<T>(string name, Func<PostContent, T> field)
        {
            var (b, l, t) = (field(baseContent), field(local), field(theirs));
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
        string? Text(string name, Func<PostContent, string?> field)
        {
            var picked = Pick(name, c => field(c) ?? "");
            return picked.Length == 0 ? null : picked;
        }

        var merged = local with
        {
            Title = Pick(nameof(Title), c => c.Title),
            Summary = Pick(nameof(Summary), c => c.Summary),
            BodyMarkdown = Pick(nameof(BodyMarkdown), c => c.BodyMarkdown),
            Topics = Pick(nameof(Topics), c => c.Topics),
            Language = Pick(nameof(Language), c => c.Language),
            EasyTitle = Text(nameof(EasyTitle), c => c.EasyTitle),
            EasySummary = Text(nameof(EasySummary), c => c.EasySummary),
            EasyBodyMarkdown = Text(nameof(EasyBodyMarkdown), c => c.EasyBodyMarkdown),
            EasyReadTitle = Text(nameof(EasyReadTitle), c => c.EasyReadTitle),
            EasyReadSummary = Text(nameof(EasyReadSummary), c => c.EasyReadSummary),
            EasyReadBodyMarkdown = Text(nameof(EasyReadBodyMarkdown), c => c.EasyReadBodyMarkdown),
            CallToActionLabel = Text(nameof(CallToActionLabel), c => c.CallToActionLabel),
            CallToActionUrl = Text(nameof(CallToActionUrl), c => c.CallToActionUrl),
            CoverImageAlt = local.HasCoverImage ? Text(nameof(CoverImageAlt), c => c.CoverImageAlt) : local.CoverImageAlt,
            ExpiresAt = Pick(nameof(ExpiresAt), c => c.ExpiresAt),
            EventStartsAt = Pick(nameof(EventStartsAt), c => c.EventStartsAt),
            EventEndsAt = Pick(nameof(EventEndsAt), c => c.EventEndsAt),
            EventPlace = Text(nameof(EventPlace), c => c.EventPlace),
            EventOnlineUrl = Text(nameof(EventOnlineUrl), c => c.EventOnlineUrl),
            EventCapacity = Pick(nameof(EventCapacity), c => c.EventCapacity),
        };
        return (merged, updated, conflicts);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
