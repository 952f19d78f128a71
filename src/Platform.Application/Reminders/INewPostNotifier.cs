namespace Platform.Application.Reminders;

/// <summary>Port to the job system: tells the followers of a newly published post's topics, once.</summary>
public interface INewPostNotifier
{
    void PostPublished(Guid tenantId, Guid postId);
}
