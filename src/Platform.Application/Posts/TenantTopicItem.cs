namespace Platform.Application.Posts;

/// <summary>A tenant's own topic as its TenantAdmin sees it; <paramref name="PostCount"/> counts posts in any state.</summary>
public sealed record TenantTopicItem(string Slug, string Name, DateTime CreatedAt, int PostCount);
