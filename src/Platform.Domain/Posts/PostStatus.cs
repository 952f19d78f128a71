namespace Platform.Domain.Posts;

public enum PostStatus
{
    Draft = 0,
    Scheduled = 1,
    Published = 2,
    Unpublished = 3,
}
