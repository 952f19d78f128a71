using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Domain.Posts;

/// <summary>
/// Everything an editor writes about a post. A version keeps a snapshot of it; two snapshots are compared field by field.
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

    public string? CallToActionLabel { get; init; }

    /// <summary>An https address the call-to-action button leads to.</summary>
    public string? CallToActionUrl { get; init; }

    /// <summary>Text alternative of the cover image; required when there is one.</summary>
    public string? CoverImageAlt { get; init; }

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
}
