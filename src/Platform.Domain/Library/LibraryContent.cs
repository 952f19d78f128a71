using Platform.Domain.Posts;

namespace Platform.Domain.Library;

/// <summary>What a NetworkEditor writes; the texts may hold placeholders (<see cref="LibraryPlaceholders"/>).</summary>
public sealed record LibraryContent
{
    public string Title { get; init; } = "";

    public string Summary { get; init; } = "";

    public string BodyMarkdown { get; init; } = "";

    public Topics Topics { get; init; }

    public string Language { get; init; } = Post.DefaultLanguage;

    public string? EasyTitle { get; init; }

    public string? EasySummary { get; init; }

    public string? EasyBodyMarkdown { get; init; }

    public string? CallToActionLabel { get; init; }

    public string? CallToActionUrl { get; init; }

    /// <summary>The cover image (<see cref="LibraryImage"/>), shared by the versions that keep it.</summary>
    public Guid? CoverImageId { get; init; }

    public string? CoverImageAlt { get; init; }

    public DateTime? ExpiresAt { get; init; }

    public DateTime? EventStartsAt { get; init; }

    public DateTime? EventEndsAt { get; init; }

    public string? EventPlace { get; init; }

    public string? EventOnlineUrl { get; init; }

    public int? EventCapacity { get; init; }
}
