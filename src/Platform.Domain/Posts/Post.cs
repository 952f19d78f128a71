using Platform.Domain.Common;

namespace Platform.Domain.Posts;

/// <summary>A post of one tenant. Its row is the truth about whether and when it is published.</summary>
public sealed class Post : ITenantOwned
{
    private Post()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    public string BodyMarkdown { get; private set; } = "";

    public Topics Topics { get; private set; }

    public PostStatus Status { get; private set; }

    /// <summary>When a scheduled post is due, UTC.</summary>
    public DateTime? PublishAt { get; private set; }

    /// <summary>When it became visible, UTC.</summary>
    public DateTime? PublishedAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public bool IsDemo { get; private set; }

    /// <summary>Concurrency token: every state change bumps it, so two workers cannot both publish.</summary>
    public int Version { get; private set; }

    public static Post CreateDraft(
        Guid tenantId, string title, string summary, string bodyMarkdown, Topics topics, DateTime now, bool isDemo = false)
    {
        if (tenantId == Guid.Empty)
        {
            throw new DomainException("post.tenant", "A post belongs to a tenant.");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException("post.title", "A post needs a title.");
        }

        if (topics == Topics.None)
        {
            throw new DomainException("post.topics", "A post needs at least one topic.");
        }

        return new Post
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Title = title.Trim(),
            Summary = summary.Trim(),
            BodyMarkdown = bodyMarkdown,
            Topics = topics,
            Status = PostStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            IsDemo = isDemo,
        };
    }

    /// <summary>Schedules the post; a time in the past is refused so nothing goes out by accident.</summary>
    public void Schedule(DateTime publishAt, DateTime now)
    {
        if (Status == PostStatus.Published)
        {
            throw new DomainException("post.published", "A published post cannot be scheduled again.");
        }

        if (publishAt <= now)
        {
            throw new DomainException("post.publishAt", "The publication time must lie in the future.");
        }

        PublishAt = publishAt;
        Status = PostStatus.Scheduled;
        UpdatedAt = now;
        Version++;
    }

    /// <summary>
    /// Publishes now. Returns false and changes nothing if the post is already published, or is scheduled for a
    /// time that has not come yet (a job that fires early must not publish early).
    /// </summary>
    public bool Publish(DateTime now)
    {
        if (Status == PostStatus.Published)
        {
            return false;
        }

        if (Status == PostStatus.Scheduled && PublishAt > now)
        {
            return false;
        }

        PublishedAt = Status == PostStatus.Scheduled && PublishAt is { } due ? due : now;
        Status = PostStatus.Published;
        UpdatedAt = now;
        Version++;
        return true;
    }
}
