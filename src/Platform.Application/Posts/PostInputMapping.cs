using Platform.Domain.Posts;

namespace Platform.Application.Posts;

public static class PostInputMapping
{
    /// <summary>The domain's content from an input; <paramref name="hasCoverImage"/> says whether an image will be there.</summary>
    /// <remarks>Topics are parsed with <paramref name="topics"/> (the tenant's set; the fixed topics when null); an unknown one is a 400 naming <c>topics</c>.</remarks>
    public static PostContent ToContent(this IPostInput input, bool hasCoverImage, TopicSet? topics = null) => new()
    {
        Title = input.Title,
        Summary = input.Summary ?? "",
        BodyMarkdown = input.BodyMarkdown ?? "",
        Topics = (topics ?? TopicSet.Fixed).Parse(input.Topics, nameof(IPostInput.Topics)),
        Language = string.IsNullOrWhiteSpace(input.Language) ? Post.DefaultLanguage : input.Language,
        EasyTitle = input.EasyTitle,
        EasySummary = input.EasySummary,
        EasyBodyMarkdown = input.EasyBodyMarkdown,
        CallToActionLabel = input.CallToActionLabel,
        CallToActionUrl = input.CallToActionUrl,
        CoverImageAlt = hasCoverImage ? input.CoverImageAlt : null,
        HasCoverImage = hasCoverImage,
        ExpiresAt = input.ExpiresAt,
        EventStartsAt = input.EventStartsAt,
        EventEndsAt = input.EventEndsAt,
        EventPlace = input.EventPlace,
        EventOnlineUrl = input.EventOnlineUrl,
        EventCapacity = input.EventCapacity,
    };
}
