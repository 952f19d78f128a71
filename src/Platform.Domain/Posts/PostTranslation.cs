using Platform.Domain.Common;

namespace Platform.Domain.Posts;

/// <summary>
/// A post in another of the platform's languages (issue 14): its own texts, its own numbered versions and its own
/// four-eyes review, beside the post's. Readers see <see cref="Live"/>, the text last approved, while the post is
/// published; a new version waits in <see cref="Text"/> until it is approved too, so an edit never takes a published
/// translation away. Editing the translation never touches the post, and the post's own workflow never touches it.
/// </summary>
public sealed class PostTranslation : ITenantOwned
{
    private readonly List<PostTranslationVersion> _versions = [];

    private PostTranslation()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid PostId { get; private set; }

    /// <summary>One of <see cref="PlatformLanguages.Codes"/>, never the post's own language.</summary>
    public string Language { get; private set; } = "";

    /// <summary>The newest version, the one under work or review.</summary>
    public TranslationText Text { get; private set; } = new();

    /// <summary>The approved text readers see; empty while <see cref="LiveVersion"/> is null.</summary>
    public TranslationText Live { get; private set; } = new();

    /// <summary>The number of the version readers see; null until a version is approved.</summary>
    public int? LiveVersion { get; private set; }

    public TranslationStatus Status { get; private set; }

    /// <summary>Who wrote the newest version: under the four-eyes rule somebody else approves it.</summary>
    public Guid AuthorId { get; private set; }

    /// <summary>The reviewer's comment when the translation went back to its author.</summary>
    public string? ReviewComment { get; private set; }

    public int ContentVersion { get; private set; }

    /// <summary>Concurrency token: every change bumps it.</summary>
    public int Version { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyCollection<PostTranslationVersion> Versions => _versions;

    /// <summary>A first draft of the translation of <paramref name="post"/> into <paramref name="language"/>.</summary>
    public static PostTranslation Create(Post post, string language, TranslationText text, PostActor by, DateTime now)
    {
        var code = language.Trim().ToLowerInvariant();
        if (!PlatformLanguages.IsOffered(code))
        {
            throw new DomainException("translation.language", $"Die Plattform bietet die Sprache „{language}“ nicht an.");
        }

        if (string.Equals(code, post.Content.Language, StringComparison.Ordinal))
        {
            throw new DomainException("translation.language", "Der Beitrag ist schon in dieser Sprache geschrieben.");
        }

        var translation = new PostTranslation
        {
            Id = Guid.CreateVersion7(),
            TenantId = post.TenantId,
            PostId = post.Id,
            Language = code,
            Status = TranslationStatus.Draft,
        };
        translation.Apply(text, by, now);
        return translation;
    }

    /// <summary>
    /// A translation that comes with a library item the jobcenter adopts: approved at once, since the network's editors
    /// reviewed it (four eyes) with the library version. Readers see it once the post itself is published, which the
    /// jobcenter's own workflow decides.
    /// </summary>
    public static PostTranslation FromLibrary(Post post, string language, TranslationText text, PostActor by, DateTime now)
    {
        var translation = Create(post, language, text, by, now);
        translation.GoLive(now);
        return translation;
    }

    /// <summary>A newer library version's text for a translation the jobcenter left as adopted: a new version, approved.</summary>
    public void TakeOverFromLibrary(TranslationText text, PostActor by, DateTime now)
    {
        Apply(text, by, now);
        GoLive(now);
    }

    /// <summary>
    /// A new version. <paramref name="baseVersion"/> is the version the editor started from: a stale one is refused,
    /// never silently overwritten. The translation goes back to draft; the approved text stays live meanwhile.
    /// </summary>
    public void Edit(TranslationText text, int baseVersion, PostActor by, DateTime now)
    {
        if (baseVersion != ContentVersion)
        {
            throw new StaleVersionException(baseVersion, ContentVersion);
        }

        Apply(text, by, now);
        Status = TranslationStatus.Draft;
        ReviewComment = null;
    }

    public void SubmitForReview(DateTime now)
    {
        Require(TranslationStatus.Draft);
        Status = TranslationStatus.InReview;
        Touch(now);
    }

    /// <summary>Approves the version in review: it becomes what readers see. Under the four-eyes rule not by its author.</summary>
    public void Approve(PostActor by, DateTime now, bool fourEyesRule)
    {
        Require(TranslationStatus.InReview);
        if (fourEyesRule && by.Id == AuthorId)
        {
            throw new DomainException(
                "translation.fourEyes",
                "Vier-Augen-Prinzip: Die Übersetzung muss jemand anderes freigeben als die Person, die sie geschrieben hat.");
        }

        GoLive(now);
    }

    /// <summary>Sends the version in review back to its author, with the reason.</summary>
    public void ReturnToAuthor(string comment, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainException("translation.comment", "Bitte schreibe einen Kommentar, warum die Übersetzung zurückgeht.");
        }

        Require(TranslationStatus.InReview);
        Status = TranslationStatus.Draft;
        ReviewComment = comment.Trim();
        Touch(now);
    }

    private void Apply(TranslationText text, PostActor by, DateTime now)
    {
        var normalized = text.Normalized();
        if (normalized.Title.Length == 0)
        {
            throw new DomainException("translation.title", "Eine Übersetzung braucht einen Titel.");
        }

        Text = normalized;
        AuthorId = by.Id;
        ContentVersion++;
        _versions.Add(PostTranslationVersion.Of(this, by, now));
        Touch(now);
    }

    private void GoLive(DateTime now)
    {
        Status = TranslationStatus.Approved;
        Live = Text;
        LiveVersion = ContentVersion;
        ReviewComment = null;
        Touch(now);
    }

    private void Require(TranslationStatus status)
    {
        if (Status != status)
        {
            throw new DomainException("translation.transition", $"Im Status '{Status}' ist das bei einer Übersetzung nicht möglich.");
        }
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}
