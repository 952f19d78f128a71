namespace Platform.Domain.Posts;

/// <summary>Where a post stands in the editorial workflow. The numbers are stored; never renumber them.</summary>
public enum PostStatus
{
    Draft = 0,
    Scheduled = 1,
    Published = 2,
    Unpublished = 3,
    InReview = 4,
    Approved = 5,
    Archived = 6,
    Failed = 7,
}
