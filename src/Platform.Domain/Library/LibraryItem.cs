using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Domain.Library;

/// <summary>
/// A text of the shared content library, written once by the cross-jobcenter editorial team (NetworkEditors) for all
/// jobcenters. Shared, not owned by a tenant. Every change is a new numbered <see cref="LibraryItemVersion"/>; a
/// NetworkEditor other than the author of the latest version approves it (four eyes), which publishes that version.
/// Tenants adopt the published version into a draft post of their own (<see cref="LibraryAdoption"/>).
/// </summary>
public sealed class LibraryItem : ISharedEntity
{
    private readonly List<LibraryItemVersion> _versions = [];

    private LibraryItem()
    {
    }

    public Guid Id { get; private set; }

    public LibraryStatus Status { get; private set; }

    /// <summary>The number of the newest version (draft, in review or published).</summary>
    public int LatestVersion { get; private set; }

    /// <summary>The number of the version tenants see and adopt; null until the first approval.</summary>
    public int? PublishedVersion { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Concurrency token.</summary>
    public int Version { get; private set; }

    public IReadOnlyCollection<LibraryItemVersion> Versions => _versions;

    public LibraryItemVersion Latest => _versions.Single(v => v.Number == LatestVersion);

    /// <summary>A new draft with its first version; <paramref name="coverImageId"/> is the version's cover, if any.</summary>
    public static LibraryItem Create(PostContent content, Guid? coverImageId, PostActor author, DateTime now)
    {
        var item = new LibraryItem { Id = Guid.CreateVersion7(), Status = LibraryStatus.Draft, CreatedAt = now };
        item.AddVersion(content, coverImageId, LibraryTranslations.Empty, author, now);
        return item;
    }

    /// <summary>
    /// A change is a new version based on <paramref name="baseVersion"/> (a stale one is refused); it keeps the
    /// translations of the version before. A published item keeps its published version for the tenants until the new
    /// one is approved.
    /// </summary>
    public void Edit(PostContent content, Guid? coverImageId, int baseVersion, PostActor by, DateTime now)
    {
        RequireLatest(baseVersion);
        AddVersion(content, coverImageId, Latest.Translations, by, now);
        Status = LibraryStatus.Draft;
    }

    /// <summary>
    /// Sets the translation into <paramref name="language"/> (or removes it when <paramref name="text"/> is null): a new
    /// version with the same content, reviewed like any other before the tenants see it.
    /// </summary>
    public void Translate(string language, TranslationText? text, int baseVersion, PostActor by, DateTime now)
    {
        RequireLatest(baseVersion);
        var latest = Latest;
        AddVersion(latest.Content, latest.CoverImageId, LibraryTranslations.With(latest.Translations, latest.Content.Language, language, text), by, now);
        Status = LibraryStatus.Draft;
    }

    public void Submit(DateTime now)
    {
        if (Status != LibraryStatus.Draft)
        {
            throw new DomainException("library.transition", $"Nur ein Entwurf kann zur Prüfung gegeben werden (Status: {Status}).");
        }

        Status = LibraryStatus.InReview;
        Touch(now);
    }

    /// <summary>Publishes the version in review; its author cannot approve it (four eyes among NetworkEditors).</summary>
    public void Approve(PostActor by, DateTime now)
    {
        if (Status != LibraryStatus.InReview)
        {
            throw new DomainException("library.transition", $"Nur ein Eintrag in Prüfung kann freigegeben werden (Status: {Status}).");
        }

        if (by.Id == Latest.AuthorId)
        {
            throw new DomainException(
                "library.fourEyes",
                "Vier-Augen-Prinzip: Den Bibliothekseintrag muss eine andere Person der Netzwerkredaktion freigeben als die, die ihn geschrieben hat.");
        }

        Status = LibraryStatus.Published;
        PublishedVersion = LatestVersion;
        Touch(now);
    }

    private void RequireLatest(int baseVersion)
    {
        if (baseVersion != LatestVersion)
        {
            throw new StaleVersionException(baseVersion, LatestVersion);
        }
    }

    private void AddVersion(PostContent content, Guid? coverImageId, IReadOnlyDictionary<string, TranslationText> translations, PostActor by, DateTime now)
    {
        (content with { HasCoverImage = coverImageId is not null }).EnsureComplete(ContentOwner.LibraryItem);
        if (translations.ContainsKey(content.Normalized().Language))
        {
            throw new DomainException(
                "library.translationLanguage", "Der Eintrag hat eine Übersetzung in der Sprache, in der er jetzt geschrieben ist. Entferne diese Übersetzung zuerst.");
        }

        LatestVersion++;
        _versions.Add(LibraryItemVersion.Of(Id, LatestVersion, content, coverImageId, translations, by, now));
        Touch(now);
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}
