using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Domain.Library;

/// <summary>One numbered version of a library item; never changed after it is written.</summary>
public sealed class LibraryItemVersion : ISharedEntity
{
    private LibraryItemVersion()
    {
    }

    public Guid Id { get; private set; }

    public Guid LibraryItemId { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    public string BodyMarkdown { get; private set; } = "";

    public Topics Topics { get; private set; }

    public string Language { get; private set; } = Post.DefaultLanguage;

    public string? EasyTitle { get; private set; }

    public string? EasySummary { get; private set; }

    public string? EasyBodyMarkdown { get; private set; }

    public string? CallToActionLabel { get; private set; }

    public string? CallToActionUrl { get; private set; }

    public Guid? CoverImageId { get; private set; }

    public string? CoverImageAlt { get; private set; }

    public DateTime? ExpiresAt { get; private set; }

    public DateTime? EventStartsAt { get; private set; }

    public DateTime? EventEndsAt { get; private set; }

    public string? EventPlace { get; private set; }

    public string? EventOnlineUrl { get; private set; }

    public int? EventCapacity { get; private set; }

    public Guid AuthorId { get; private set; }

    public string AuthorName { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public LibraryContent Content => new()
    {
        Title = Title,
        Summary = Summary,
        BodyMarkdown = BodyMarkdown,
        Topics = Topics,
        Language = Language,
        EasyTitle = EasyTitle,
        EasySummary = EasySummary,
        EasyBodyMarkdown = EasyBodyMarkdown,
        CallToActionLabel = CallToActionLabel,
        CallToActionUrl = CallToActionUrl,
        CoverImageId = CoverImageId,
        CoverImageAlt = CoverImageAlt,
        ExpiresAt = ExpiresAt,
        EventStartsAt = EventStartsAt,
        EventEndsAt = EventEndsAt,
        EventPlace = EventPlace,
        EventOnlineUrl = EventOnlineUrl,
        EventCapacity = EventCapacity,
    };

    internal static LibraryItemVersion Of(Guid itemId, int number, LibraryContent content, PostActor by, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        LibraryItemId = itemId,
        Number = number,
        Title = content.Title.Trim(),
        Summary = content.Summary.Trim(),
        BodyMarkdown = content.BodyMarkdown,
        Topics = content.Topics,
        Language = string.IsNullOrWhiteSpace(content.Language) ? Post.DefaultLanguage : content.Language.Trim().ToLowerInvariant(),
        EasyTitle = Blank(content.EasyTitle),
        EasySummary = Blank(content.EasySummary),
        EasyBodyMarkdown = Blank(content.EasyBodyMarkdown),
        CallToActionLabel = Blank(content.CallToActionLabel),
        CallToActionUrl = Blank(content.CallToActionUrl),
        CoverImageId = content.CoverImageId,
        CoverImageAlt = content.CoverImageId is null ? null : Blank(content.CoverImageAlt),
        ExpiresAt = content.ExpiresAt,
        EventStartsAt = content.EventStartsAt,
        EventEndsAt = content.EventStartsAt is null ? null : content.EventEndsAt,
        EventPlace = content.EventStartsAt is null ? null : Blank(content.EventPlace),
        EventOnlineUrl = content.EventStartsAt is null ? null : Blank(content.EventOnlineUrl),
        EventCapacity = content.EventStartsAt is null ? null : content.EventCapacity,
        AuthorId = by.Id,
        AuthorName = by.Name.Length > 120 ? by.Name[..120] : by.Name,
        CreatedAt = now,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
