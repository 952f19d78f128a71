using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>One topic a post can have: a fixed one (localized via <c>Topic.&lt;Name&gt;</c>) or a tenant's own (ADR-017).</summary>
/// <param name="Key">The name in addresses and the API: the fixed topic's name or the tenant topic's slug.</param>
/// <param name="DisplayName">The tenant topic's name as entered; null for fixed topics (the UI translates those).</param>
public sealed record TopicEntry(string Key, Topics Flag, string? DisplayName)
{
    public bool IsFixed => DisplayName is null;
}

/// <summary>The topics of one tenant: the five fixed ones, then the tenant's own in the order they were added.</summary>
public sealed class TopicSet
{
    public static TopicSet Fixed { get; } = new([]);

    public TopicSet(IEnumerable<TopicEntry> tenantTopics)
    {
        All = [.. TopicNames.All.Select(t => new TopicEntry(t.ToString(), t, null)), .. tenantTopics];
    }

    public IReadOnlyList<TopicEntry> All { get; }

    public IEnumerable<TopicEntry> TenantTopics => All.Where(t => !t.IsFixed);

    /// <summary>Finds a topic by its name or slug, case-insensitively.</summary>
    public TopicEntry? Find(string? key) =>
        key is null ? null : All.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase));

    public bool TryParse(string? key, out Topics topic)
    {
        topic = Find(key)?.Flag ?? Topics.None;
        return topic != Topics.None;
    }

    public string[] ToNames(Topics topics) => [.. All.Where(t => (topics & t.Flag) == t.Flag).Select(t => t.Key)];

    /// <summary>The flags of all <paramref name="keys"/>; an unknown key is a validation error naming <paramref name="field"/>.</summary>
    public Topics Parse(IEnumerable<string>? keys, string field)
    {
        var result = Topics.None;
        foreach (var key in keys ?? [])
        {
            if (!TryParse(key, out var topic))
            {
                throw UnknownTopic(field);
            }

            result |= topic;
        }

        return result;
    }

    public ValidationException UnknownTopic(string field) =>
        new([new ValidationFailure(field, $"Unbekanntes Thema. Erlaubt sind: {string.Join(", ", All.Select(t => t.Key))}.")]);
}

/// <summary>Maps topic names and slugs to flag bits for the current tenant (scoped; read once per request).</summary>
public interface ITopicCatalog
{
    Task<TopicSet> ForCurrentTenantAsync(CancellationToken cancellationToken = default);
}

public sealed class TopicCatalog(IAppDbContext db) : ITopicCatalog
{
    private TopicSet? _set;

    // No cache across requests: the set is read once per scope, so a new or deleted topic is visible at once on every node.
    public async Task<TopicSet> ForCurrentTenantAsync(CancellationToken cancellationToken = default)
    {
        if (_set is not null)
        {
            return _set;
        }

        var topics = await db.TenantTopics.AsNoTracking().OrderBy(t => t.CreatedAt).ThenBy(t => t.Bit)
            .Select(t => new { t.Slug, t.Bit, t.Name })
            .ToListAsync(cancellationToken);
        _set = new TopicSet(topics.Select(t => new TopicEntry(t.Slug, (Topics)(1 << t.Bit), t.Name)));
        return _set;
    }
}
