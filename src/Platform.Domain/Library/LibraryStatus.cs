namespace Platform.Domain.Library;

/// <summary>Where a library item stands: written, waiting for a second NetworkEditor, or published to all jobcenters.</summary>
public enum LibraryStatus
{
    Draft = 0,
    InReview = 1,
    Published = 2,
}
