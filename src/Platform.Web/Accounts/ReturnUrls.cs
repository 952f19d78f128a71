namespace Platform.Web.Accounts;

/// <summary>Where sign-in sends people afterwards: back to the page they came from, never to another site.</summary>
public static class ReturnUrls
{
    /// <summary>
    /// <paramref name="returnUrl"/> if it is a path on this site (the cookie handler passes it with the tenant's prefix),
    /// otherwise the feed of the jobcenter (or, without a tenant, the platform administration). Refused: anything with a
    /// scheme or host (<c>https://evil</c>, <c>//evil</c>), a backslash browsers read as a slash (<c>/\evil</c>), and
    /// control characters or spaces, which browsers strip (<c>/\t/evil</c> would become <c>//evil</c>).
    /// </summary>
    public static string LocalOrHome(string? returnUrl, bool hasTenant) =>
        IsLocalPath(returnUrl) ? returnUrl! : hasTenant ? "./" : "plattform";

    public static bool IsLocalPath(string? url) =>
        url is { Length: > 0 }
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\')
        && !url.Contains("://", StringComparison.Ordinal);
}
