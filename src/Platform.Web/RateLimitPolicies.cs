namespace Platform.Web;

/// <summary>Rate-limit policy names shared by the API and the pages (the host defines the limits).</summary>
public static class RateLimitPolicies
{
    /// <summary>Sending the contact form (API or page), per tenant and client address; reading the page is never limited.</summary>
    public const string Contact = "contact";
}
