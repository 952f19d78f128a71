using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>
/// What an editor sends for a post and a NetworkEditor for a library item (times in UTC): one record for creating and
/// changing both, and the JSON body of their create endpoints. The rules are <see cref="PostInputValidator"/>; a change
/// adds the version it starts from and whether the cover goes (<see cref="UpdatePostCommand"/>).
/// </summary>
public record PostInput
{
    public required string Title { get; init; }

    public string? Summary { get; init; }

    public string? BodyMarkdown { get; init; }

    /// <summary>Topic names: the fixed ones (<c>geld</c>, <c>wohnen</c>, …) and, for posts, the jobcenter's own.</summary>
    public IReadOnlyList<string>? Topics { get; init; }

    /// <summary>ISO 639-1 code; German when empty.</summary>
    public string? Language { get; init; }

    public string? EasyTitle { get; init; }

    public string? EasySummary { get; init; }

    public string? EasyBodyMarkdown { get; init; }

    /// <summary>The optional version in Leichte Sprache (Easy Read); German only.</summary>
    public string? EasyReadTitle { get; init; }

    public string? EasyReadSummary { get; init; }

    public string? EasyReadBodyMarkdown { get; init; }

    public string? CallToActionLabel { get; init; }

    public string? CallToActionUrl { get; init; }

    /// <summary>A new cover image (PNG or JPEG, base64 in JSON); null keeps the current one.</summary>
    public byte[]? CoverImage { get; init; }

    public string? CoverImageAlt { get; init; }

    public DateTime? ExpiresAt { get; init; }

    public DateTime? EventStartsAt { get; init; }

    public DateTime? EventEndsAt { get; init; }

    public string? EventPlace { get; init; }

    public string? EventOnlineUrl { get; init; }

    public int? EventCapacity { get; init; }

    /// <summary>
    /// The domain's content; <paramref name="hasCoverImage"/> says whether an image will be there. Topics are parsed with
    /// <paramref name="topics"/> (a tenant's set; the fixed topics for the library); an unknown one is a 400 naming <c>topics</c>.
    /// </summary>
    public PostContent ToContent(bool hasCoverImage, TopicSet topics) => new()
    {
        Title = Title,
        Summary = Summary ?? "",
        BodyMarkdown = BodyMarkdown ?? "",
        Topics = topics.Parse(Topics, nameof(Topics)),
        Language = string.IsNullOrWhiteSpace(Language) ? Post.DefaultLanguage : Language,
        EasyTitle = EasyTitle,
        EasySummary = EasySummary,
        EasyBodyMarkdown = EasyBodyMarkdown,
        EasyReadTitle = EasyReadTitle,
        EasyReadSummary = EasyReadSummary,
        EasyReadBodyMarkdown = EasyReadBodyMarkdown,
        CallToActionLabel = CallToActionLabel,
        CallToActionUrl = CallToActionUrl,
        CoverImageAlt = hasCoverImage ? CoverImageAlt : null,
        HasCoverImage = hasCoverImage,
        ExpiresAt = ExpiresAt,
        EventStartsAt = EventStartsAt,
        EventEndsAt = EventEndsAt,
        EventPlace = EventPlace,
        EventOnlineUrl = EventOnlineUrl,
        EventCapacity = EventCapacity,
    };
}
