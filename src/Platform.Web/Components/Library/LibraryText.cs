using Platform.Domain.Library;

namespace Platform.Web.Components.Library;

/// <summary>German names of the library pages.</summary>
public static class LibraryText
{
    public static string Status(LibraryStatus status) => status switch
    {
        LibraryStatus.Draft => "Entwurf",
        LibraryStatus.InReview => "In Prüfung",
        LibraryStatus.Published => "Freigegeben",
        _ => status.ToString(),
    };
}
