using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>The state of a post after a workflow step, as the editor needs it to go on.</summary>
public sealed record PostState(Guid Id, PostStatus Status, int ContentVersion, DateTime? PublishAt);
