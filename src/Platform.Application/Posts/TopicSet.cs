using FluentValidation;
using FluentValidation.Results;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

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
