using Platform.Domain.Common;

namespace Platform.Domain.Posts;

/// <summary>
/// A post of one tenant. Its row is the truth about whether and when it is published. The workflow (draft, review,
/// approval, schedule, publication, withdrawal) changes only through the methods below; each step is recorded as a
/// <see cref="PostTransition"/> and each change of content as a numbered <see cref="PostVersion"/>.
/// </summary>
public sealed class Post : ITenantOwned
{
    public const string DefaultLanguage = "de";

    private readonly List<PostVersion> _versions = [];
    private readonly List<PostTransition> _transitions = [];

    private Post()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>What the editor wrote; changed only as a whole, as a new version (<see cref="Edit"/>).</summary>
    public PostContent Content { get; private set; } = new();

    /// <summary>The account that created the post; the four-eyes rule keeps it from approving its own post.</summary>
    public Guid AuthorId { get; private set; }

    public PostStatus Status { get; private set; }

    /// <summary>When a scheduled post is due, UTC.</summary>
    public DateTime? PublishAt { get; private set; }

    /// <summary>When it became visible, UTC.</summary>
    public DateTime? PublishedAt { get; private set; }

    /// <summary>The job that publishes the post at <see cref="PublishAt"/>; replaced when the post is rescheduled.</summary>
    public string? PublicationJobId { get; private set; }

    /// <summary>Why the last publication failed, while the post is <see cref="PostStatus.Failed"/>.</summary>
    public string? FailureReason { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public bool IsDemo { get; private set; }

    /// <summary>The number of the current content version; an editor's save names the one it started from.</summary>
    public int ContentVersion { get; private set; }

    /// <summary>Concurrency token: every state change bumps it, so two workers cannot both publish.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// The texts of the post's approved translations, one after the other, for the full-text search only (ADR-010):
    /// kept by the translation workflow (<see cref="IndexTranslations"/>), never shown.
    /// </summary>
    public string TranslatedText { get; private set; } = "";

    public IReadOnlyCollection<PostVersion> Versions => _versions;

    public IReadOnlyCollection<PostTransition> Transitions => _transitions;

    public static Post CreateDraft(
        Guid tenantId, string title, string summary, string bodyMarkdown, Topics topics, DateTime now, bool isDemo = false) =>
        Create(tenantId, new PostContent { Title = title, Summary = summary, BodyMarkdown = bodyMarkdown, Topics = topics }, PostActor.System, now, isDemo);

    /// <summary>A new draft with its first version.</summary>
    public static Post Create(Guid tenantId, PostContent content, PostActor author, DateTime now, bool isDemo = false)
    {
        if (tenantId == Guid.Empty)
        {
            throw new DomainException("post.tenant", "A post belongs to a tenant.");
        }

        var post = new Post
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            AuthorId = author.Id,
            Status = PostStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            IsDemo = isDemo,
        };
        post.Apply(content, author, now);
        return post;
    }

    /// <summary>
    /// Changes the content, as a new version. <paramref name="baseVersion"/> is the version the editor started from: a
    /// stale one is refused, never silently overwritten. An approved or scheduled post goes back to draft, because
    /// what was approved is no longer what would be published; a published or archived post cannot be edited.
    /// </summary>
    public void Edit(PostContent content, int baseVersion, PostActor by, DateTime now)
    {
        if (baseVersion != ContentVersion)
        {
            throw new StaleVersionException(baseVersion, ContentVersion);
        }

        if (Status is PostStatus.Published or PostStatus.Archived)
        {
            throw new DomainException(
                "post.notEditable",
                Status == PostStatus.Published
                    ? "Ein veröffentlichter Beitrag kann nicht bearbeitet werden. Nimm ihn zuerst zurück."
                    : "Ein archivierter Beitrag kann nicht bearbeitet werden.");
        }

        Apply(content, by, now);
        if (Status != PostStatus.Draft)
        {
            Move(PostStatus.Draft, by, now, "Inhalt geändert: Freigabe muss erneuert werden.");
            PublishAt = null;
        }

        Version++;
    }

    /// <summary>Draft (or a withdrawn or failed post) goes to review.</summary>
    public void SubmitForReview(PostActor by, DateTime now)
    {
        Require("submit", PostStatus.Draft, PostStatus.Unpublished, PostStatus.Failed);
        FailureReason = null;
        Move(PostStatus.InReview, by, now, null);
    }

    /// <summary>A reviewer sends the post back to its author, with a comment saying why.</summary>
    public void ReturnToAuthor(string comment, PostActor by, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainException("post.comment", "Bitte schreibe einen Kommentar, warum der Beitrag zurückgeht.");
        }

        Require("return", PostStatus.InReview, PostStatus.Approved);
        Move(PostStatus.Draft, by, now, comment.Trim());
    }

    /// <summary>Approves a post in review. Under the four-eyes rule nobody approves their own post.</summary>
    public void Approve(PostActor by, DateTime now, bool fourEyesRule)
    {
        Require("approve", PostStatus.InReview);
        if (fourEyesRule && by.Id == AuthorId)
        {
            throw new DomainException(
                "post.fourEyes",
                "Vier-Augen-Prinzip: Den Beitrag muss jemand anderes freigeben als die Person, die ihn geschrieben hat.");
        }

        Move(PostStatus.Approved, by, now, null);
    }

    /// <summary>
    /// Schedules (or reschedules) the post; a time in the past is refused so nothing goes out by accident. Under the
    /// four-eyes rule only an approved post may be scheduled.
    /// </summary>
    public void Schedule(DateTime publishAt, PostActor by, DateTime now, bool fourEyesRule)
    {
        if (Status == PostStatus.Published)
        {
            throw new DomainException("post.published", "Ein veröffentlichter Beitrag kann nicht noch einmal geplant werden.");
        }

        RequireMayGoPublic("schedule", fourEyesRule);
        if (publishAt <= now)
        {
            throw new DomainException("post.publishAt", "Der Zeitpunkt der Veröffentlichung muss in der Zukunft liegen.");
        }

        if (Content.ExpiresAt is { } expires && expires <= publishAt)
        {
            throw new DomainException("post.expiresAt", "Der Beitrag wäre schon abgelaufen, wenn er erscheint. Ändere das Ablaufdatum.");
        }

        PublishAt = publishAt;
        FailureReason = null;
        if (Status == PostStatus.Scheduled)
        {
            _transitions.Add(PostTransition.Of(this, Status, Status, by, now, $"Neu geplant für {publishAt:yyyy-MM-dd HH:mm:ss} UTC"));
            UpdatedAt = now;
            Version++;
        }
        else
        {
            Move(PostStatus.Scheduled, by, now, null);
        }
    }

    /// <summary>Takes a scheduled post off the schedule; it stays approved.</summary>
    public void CancelSchedule(PostActor by, DateTime now)
    {
        Require("cancel", PostStatus.Scheduled);
        PublishAt = null;
        Move(PostStatus.Approved, by, now, null);
    }

    /// <summary>Publishes at once, on a person's request. Under the four-eyes rule only an approved post.</summary>
    public void PublishNow(PostActor by, DateTime now, bool fourEyesRule)
    {
        RequireMayGoPublic("publish", fourEyesRule);
        EnsureNotExpired(now);
        PublishAt = null;
        PublishedAt = now;
        FailureReason = null;
        Move(PostStatus.Published, by, now, null);
    }

    /// <summary>
    /// The job's publication. Returns false and changes nothing if the post is already published, or is scheduled for
    /// a time that has not come yet (a job that fires early must not publish early), or is not scheduled at all.
    /// </summary>
    public bool Publish(DateTime now)
    {
        if (Status is PostStatus.Published or PostStatus.Archived)
        {
            return false;
        }

        if (Status == PostStatus.Scheduled && PublishAt > now)
        {
            return false;
        }

        EnsureNotExpired(now);
        var from = Status;
        PublishedAt = Status == PostStatus.Scheduled && PublishAt is { } due ? due : now;
        FailureReason = null;
        Move(PostStatus.Published, PostActor.System, now, from == PostStatus.Scheduled ? null : "Direkt veröffentlicht");
        return true;
    }

    /// <summary>Takes a published post down.</summary>
    public void Unpublish(PostActor by, DateTime now, string? reason = null)
    {
        Require("unpublish", PostStatus.Published);
        Move(PostStatus.Unpublished, by, now, reason);
    }

    /// <summary>Takes the post down when its expiry has passed; false when there is nothing to do.</summary>
    public bool Expire(DateTime now)
    {
        if (Status != PostStatus.Published || Content.ExpiresAt is not { } expires || expires > now)
        {
            return false;
        }

        Move(PostStatus.Unpublished, PostActor.System, now, "Abgelaufen");
        return true;
    }

    public void Archive(PostActor by, DateTime now)
    {
        if (Status == PostStatus.Archived)
        {
            throw Invalid("archive");
        }

        PublishAt = null;
        Move(PostStatus.Archived, by, now, null);
    }

    /// <summary>Publication failed for good (after its retries): visible, with the reason.</summary>
    public void MarkFailed(string reason, DateTime now)
    {
        Require("fail", PostStatus.Scheduled, PostStatus.Approved);
        FailureReason = reason.Length > 1000 ? reason[..1000] : reason;
        Move(PostStatus.Failed, PostActor.System, now, FailureReason);
    }

    /// <summary>What search finds the post through besides its own texts: its approved translations.</summary>
    public void IndexTranslations(IEnumerable<TranslationText> approved) =>
        TranslatedText = string.Join("\n\n", approved.Select(t => $"{t.Title}\n{t.Summary}\n{t.BodyMarkdown}"));

    /// <summary>Remembers the job that will publish the post (a rescheduled post gets a new one).</summary>
    public void AttachPublicationJob(string? jobId) => PublicationJobId = jobId;

    private void Apply(PostContent content, PostActor by, DateTime now)
    {
        content.EnsureComplete(ContentOwner.Post);
        if (content.CallToActionUrl is { Length: > 0 } url
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            throw new DomainException("post.callToActionUrl", "Der Link muss eine https-Adresse sein.");
        }

        Content = content.Normalized();
        UpdatedAt = now;
        ContentVersion++;
        _versions.Add(PostVersion.Of(this, Content, by, now));
    }

    private void RequireMayGoPublic(string action, bool fourEyesRule)
    {
        if (fourEyesRule)
        {
            if (Status is not (PostStatus.Approved or PostStatus.Scheduled or PostStatus.Failed))
            {
                throw new DomainException(
                    "post.notApproved",
                    $"Vier-Augen-Prinzip: Nur ein freigegebener Beitrag kann veröffentlicht oder geplant werden (Status: {Status}).");
            }
        }
        else if (Status is PostStatus.Archived or PostStatus.Published)
        {
            throw Invalid(action);
        }
    }

    private void EnsureNotExpired(DateTime now)
    {
        if (Content.ExpiresAt is { } expires && expires <= now)
        {
            throw new DomainException("post.expired", "Der Beitrag ist bereits abgelaufen und kann nicht veröffentlicht werden.");
        }
    }

    private void Require(string action, params PostStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw Invalid(action);
        }
    }

    private DomainException Invalid(string action) =>
        new("post.transition", $"Die Aktion '{action}' ist im Status '{Status}' nicht möglich.");

    private void Move(PostStatus to, PostActor by, DateTime now, string? comment)
    {
        _transitions.Add(PostTransition.Of(this, Status, to, by, now, comment));
        Status = to;
        UpdatedAt = now;
        Version++;
    }
}
