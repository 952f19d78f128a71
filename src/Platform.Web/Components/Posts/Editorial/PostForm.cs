using Platform.Application.Library;
using Platform.Application.Posts;
using Platform.Domain.Posts;

namespace Platform.Web.Components.Posts.Editorial;

/// <summary>
/// The content form of the post editor and of the library item page (<see cref="ContentFields"/>); times are Berlin
/// wall-clock values of datetime-local fields.
/// </summary>
public sealed class PostForm
{
    public int BaseVersion { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Body { get; set; }

    /// <summary>The ticked topics by key (a fixed topic's name or a jobcenter topic's slug, ADR-017).</summary>
    public Dictionary<string, bool>? Topics { get; set; }

    public string? Language { get; set; } = Post.DefaultLanguage;

    public string? EasyTitle { get; set; }

    public string? EasySummary { get; set; }

    public string? EasyBody { get; set; }

    public string? EasyReadTitle { get; set; }

    public string? EasyReadSummary { get; set; }

    public string? EasyReadBody { get; set; }

    public string? CallToActionLabel { get; set; }

    public string? CallToActionUrl { get; set; }

    public bool RemoveCoverImage { get; set; }

    public string? CoverImageAlt { get; set; }

    public string? ExpiresAt { get; set; }

    public string? EventStartsAt { get; set; }

    public string? EventEndsAt { get; set; }

    public string? EventPlace { get; set; }

    public string? EventOnlineUrl { get; set; }

    public int? EventCapacity { get; set; }

    public string? Action { get; set; }

    public static PostForm From(EditorialPost post) => From(post.ContentVersion, post.Topics, post.Content);

    public static PostForm From(LibraryItemDetails item)
    {
        var v = item.Version;
        return From(item.LatestVersion, v.Topics, new PostContent
        {
            Title = v.Title,
            Summary = v.Summary,
            BodyMarkdown = v.BodyMarkdown,
            Language = v.Language,
            EasyTitle = v.EasyTitle,
            EasySummary = v.EasySummary,
            EasyBodyMarkdown = v.EasyBodyMarkdown,
            EasyReadTitle = v.EasyReadTitle,
            EasyReadSummary = v.EasyReadSummary,
            EasyReadBodyMarkdown = v.EasyReadBodyMarkdown,
            CallToActionLabel = v.CallToActionLabel,
            CallToActionUrl = v.CallToActionUrl,
            CoverImageAlt = v.CoverImageAlt,
            ExpiresAt = v.ExpiresAt,
            EventStartsAt = v.EventStartsAt,
            EventEndsAt = v.EventEndsAt,
            EventPlace = v.EventPlace,
            EventOnlineUrl = v.EventOnlineUrl,
            EventCapacity = v.EventCapacity,
        });
    }

    public bool IsChosen(string topic) => Topics?.GetValueOrDefault(topic) == true;

    /// <summary>
    /// What the form sends, with the uploaded <paramref name="cover"/>; false when a date and time is incomplete.
    /// </summary>
    public bool TryInput(byte[]? cover, out PostInput input)
    {
        var complete = EditorialText.TryParseLocal(ExpiresAt, out var expires)
            & EditorialText.TryParseLocal(EventStartsAt, out var starts)
            & EditorialText.TryParseLocal(EventEndsAt, out var ends);
        input = new PostInput
        {
            Title = Title ?? "",
            Summary = Summary,
            BodyMarkdown = Body,
            Topics = [.. (Topics ?? []).Where(t => t.Value).Select(t => t.Key)],
            Language = Language,
            EasyTitle = EasyTitle,
            EasySummary = EasySummary,
            EasyBodyMarkdown = EasyBody,
            EasyReadTitle = EasyReadTitle,
            EasyReadSummary = EasyReadSummary,
            EasyReadBodyMarkdown = EasyReadBody,
            CallToActionLabel = CallToActionLabel,
            CallToActionUrl = CallToActionUrl,
            CoverImage = cover,
            CoverImageAlt = CoverImageAlt,
            ExpiresAt = expires,
            EventStartsAt = starts,
            EventEndsAt = ends,
            EventPlace = EventPlace,
            EventOnlineUrl = EventOnlineUrl,
            EventCapacity = EventCapacity,
        };
        return complete;
    }

    private static PostForm From(int baseVersion, IEnumerable<string> topics, PostContent c) => new()
    {
        BaseVersion = baseVersion,
        Title = c.Title,
        Summary = c.Summary,
        Body = c.BodyMarkdown,
        Topics = topics.ToDictionary(t => t, _ => true, StringComparer.OrdinalIgnoreCase),
        Language = c.Language,
        EasyTitle = c.EasyTitle,
        EasySummary = c.EasySummary,
        EasyBody = c.EasyBodyMarkdown,
        EasyReadTitle = c.EasyReadTitle,
        EasyReadSummary = c.EasyReadSummary,
        EasyReadBody = c.EasyReadBodyMarkdown,
        CallToActionLabel = c.CallToActionLabel,
        CallToActionUrl = c.CallToActionUrl,
        CoverImageAlt = c.CoverImageAlt,
        ExpiresAt = EditorialText.LocalInput(c.ExpiresAt),
        EventStartsAt = EditorialText.LocalInput(c.EventStartsAt),
        EventEndsAt = EditorialText.LocalInput(c.EventEndsAt),
        EventPlace = c.EventPlace,
        EventOnlineUrl = c.EventOnlineUrl,
        EventCapacity = c.EventCapacity,
    };
}
