namespace Platform.Domain.Posts;

/// <summary>What one run of a publication job did.</summary>
public enum PostJobOutcome
{
    Published = 0,
    AlreadyDone = 1,
    NotDue = 2,
    Retrying = 3,
    Failed = 4,
    Unpublished = 5,
}
