using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Domain.Library;

/// <summary>One numbered version of a library item; never changed after it is written.</summary>
public sealed class LibraryItemVersion : ISharedEntity
{
    // Mapped as the complex property Content; HasCoverImage is not a column here (CoverImageId is).
    private PostContent _content = new();

    private LibraryItemVersion()
    {
    }

    public Guid Id { get; private set; }

    public Guid LibraryItemId { get; private set; }

    public int Number { get; private set; }

    /// <summary>
    /// What the NetworkEditor wrote; the texts may hold placeholders (<see cref="LibraryPlaceholders"/>). Its cover is
    /// <see cref="CoverImageId"/>, so <see cref="PostContent.HasCoverImage"/> is not stored but follows from it.
    /// </summary>
    public PostContent Content => _content with { HasCoverImage = CoverImageId is not null };

    /// <summary>The cover image (<see cref="LibraryImage"/>), shared by the versions that keep it.</summary>
    public Guid? CoverImageId { get; private set; }

    /// <summary>The version's translations (<see cref="LibraryTranslations"/>), as a JSON snapshot; empty when there are none.</summary>
    public string TranslationsSnapshot { get; private set; } = "";

    public IReadOnlyDictionary<string, TranslationText> Translations => LibraryTranslations.FromSnapshot(TranslationsSnapshot);

    public Guid AuthorId { get; private set; }

    public string AuthorName { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    internal static LibraryItemVersion Of(
        Guid itemId, int number, PostContent content, Guid? coverImageId, IReadOnlyDictionary<string, TranslationText> translations, PostActor by, DateTime now) => new()
        {
            Id = Guid.CreateVersion7(),
            LibraryItemId = itemId,
            Number = number,
            _content = (content with { HasCoverImage = coverImageId is not null }).Normalized() with { HasCoverImage = false },
            CoverImageId = coverImageId,
            TranslationsSnapshot = LibraryTranslations.ToSnapshot(translations),
            AuthorId = by.Id,
            AuthorName = by.Name.Length > 120 ? by.Name[..120] : by.Name,
            CreatedAt = now,
        };
}
