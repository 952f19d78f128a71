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

    /// <summary>The adopted version's translations as filled for this jobcenter (<see cref="LibraryTranslations"/>).</summary>
    public string BaseTranslationsSnapshot { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public PostContent Base => PostContent.FromSnapshot(BaseSnapshot);

    public IReadOnlyDictionary<string, TranslationText> BaseTranslations => LibraryTranslations.FromSnapshot(BaseTranslationsSnapshot);

    public bool UpdateAvailable(int? publishedVersion) => publishedVersion is { } v && v > SeenVersion;

    public static LibraryAdoption Create(
        Guid tenantId, Guid itemId, Guid postId, int version, PostContent filled, IReadOnlyDictionary<string, TranslationText> filledTranslations, DateTime now) => new()
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            LibraryItemId = itemId,
            PostId = postId,
            AdoptedVersion = version,
            SeenVersion = version,
            BaseSnapshot = filled.ToSnapshot(),
            BaseTranslationsSnapshot = LibraryTranslations.ToSnapshot(filledTranslations),
            CreatedAt = now,
            UpdatedAt = now,
        };

    public void TookOver(int version, PostContent filled, IReadOnlyDictionary<string, TranslationText> filledTranslations, DateTime now)
    {
        AdoptedVersion = version;
        SeenVersion = version;
        BaseSnapshot = filled.ToSnapshot();
        BaseTranslationsSnapshot = LibraryTranslations.ToSnapshot(filledTranslations);
        UpdatedAt = now;
    }

    public void KeptOwn(int version, DateTime now)
    {
        SeenVersion = Math.Max(SeenVersion, version);
        UpdatedAt = now;
    }
}
