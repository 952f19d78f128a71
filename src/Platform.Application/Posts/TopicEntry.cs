using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>One topic a post can have: a fixed one (localized via <c>Topic.&lt;Name&gt;</c>) or a tenant's own (ADR-017).</summary>
/// <remarks>
/// <para><paramref name="Key"/>: the name in addresses and the API: the fixed topic's name or the tenant topic's slug.</para>
/// <para><paramref name="DisplayName"/>: the tenant topic's name as entered; null for fixed topics (the UI translates those).</para>
/// </remarks>
public sealed record TopicEntry(string Key, Topics Flag, string? DisplayName)
{
    public bool IsFixed => DisplayName is null;
}
