namespace Platform.Web;

/// <summary>Rate-limit policy names shared by the API and the pages (the host defines the limits).</summary>
public static class RateLimitPolicies
{
    /// <summary>Sending the contact form (API or page), per tenant and client address; reading the page is never limited.</summary>
    public const string Contact = "contact";

    /// <summary>
    /// Signing in and registering, by API or page, in one count per tenant and client address (<c>SignInPerMinute</c>):
    /// the web forms are no side door around the API's limit. Showing a page is never limited.
    /// </summary>
    public const string SignIn = "sign-in";

    /// <summary>
    /// The Video-Check's download measurements (<c>netzcheck?bytes=</c>), per tenant and client address
    /// (<c>NetworkCheckPerMinute</c>): each is up to 2 MB, so nobody can pull the platform's bandwidth through it. The empty
    /// round-trip answers are not counted.
    /// </summary>
    public const string NetworkCheck = "network-check";

    /// <summary>
    /// The anonymous "Hat dir das geholfen?" answers, by API or by the post page's plain form, per tenant and client
    /// address (<c>FeedbackPerMinute</c>); reading a post is never limited.
    /// </summary>
    public const string PostFeedback = "post-feedback";
}
