namespace Platform.Application.Posts;

/// <summary>Maps topic names and slugs to flag bits for the current tenant (scoped; read once per request).</summary>
public interface ITopicCatalog
{
    Task<TopicSet> ForCurrentTenantAsync(CancellationToken cancellationToken = default);
}
