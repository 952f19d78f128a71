namespace Platform.Domain.Posts;

/// <summary>Where a translation is in its review; the approved text stays live through later drafts.</summary>
public enum TranslationStatus
{
    Draft = 0,
    InReview = 1,
    Approved = 2,
}
