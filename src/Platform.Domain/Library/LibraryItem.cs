using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Domain.Library;

/// <summary>Where a library item stands: written, waiting for a second NetworkEditor, or published to all jobcenters.</summary>
public enum LibraryStatus
{
    Draft = 0,
    InReview = 1,
    Published = 2,
}

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

    public static LibraryItem Create(LibraryContent content, PostActor author, DateTime now)
    {
        var item = new LibraryItem { Id = Guid.CreateVersion7(), Status = LibraryStatus.Draft, CreatedAt = now };
        item.AddVersion(content, author, now);
        return item;
    }

    /// <summary>
    /// A change is a new version based on <paramref name="baseVersion"/> (a stale one is refused). A published item keeps
    /// its published version for the tenants until the new one is approved.
    /// </summary>
    public void Edit(LibraryContent content, int baseVersion, PostActor by, DateTime now)
    {
        if (baseVersion != LatestVersion)
        {
            throw new StaleVersionException(baseVersion, LatestVersion);
        }

        AddVersion(content, by, now);
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

    private void AddVersion(LibraryContent content, PostActor by, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(content.Title))
        {
            throw new DomainException("library.title", "Ein Bibliothekseintrag braucht einen Titel.");
        }

        if (content.Topics == Topics.None)
        {
            throw new DomainException("library.topics", "Ein Bibliothekseintrag braucht mindestens ein Thema.");
        }

        if (content.CoverImageId is not null && string.IsNullOrWhiteSpace(content.CoverImageAlt))
        {
            throw new DomainException("library.coverImageAlt", "Ein Titelbild braucht einen Alternativtext.");
        }

        LatestVersion++;
        _versions.Add(LibraryItemVersion.Of(Id, LatestVersion, content, by, now));
        Touch(now);
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}

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

/// <summary>
/// Which jobcenter uses a library item in which version: the only thing the library tells NetworkEditors about its
/// adopters (never their local changes or drafts). Shared, kept in step with each tenant's <see cref="LibraryAdoption"/>.
/// </summary>
public sealed class LibraryUsage : ISharedEntity
{
    private LibraryUsage()
    {
    }

    public Guid Id { get; private set; }

    public Guid LibraryItemId { get; private set; }

    public Guid TenantId { get; private set; }

    public int Version { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static LibraryUsage Of(Guid itemId, Guid tenantId, int version, DateTime now) =>
        new() { Id = Guid.CreateVersion7(), LibraryItemId = itemId, TenantId = tenantId, Version = version, UpdatedAt = now };

    public void Use(int version, DateTime now)
    {
        Version = version;
        UpdatedAt = now;
    }
}

/// <summary>A cover image of the library; versions refer to it by id, adopting copies it into the jobcenter's post.</summary>
public sealed class LibraryImage : ISharedEntity
{
    private LibraryImage()
    {
    }

    public Guid Id { get; private set; }

    public string ContentType { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public DateTime CreatedAt { get; private set; }

    public static LibraryImage Create(string contentType, byte[] content, DateTime now) =>
        new() { Id = Guid.CreateVersion7(), ContentType = contentType, Content = content, CreatedAt = now };
}
