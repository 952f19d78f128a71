namespace Platform.Web;

/// <summary>Output-cache policy names shared by the API and the pages.</summary>
public static class CachePolicies
{
    /// <summary>
    /// Public feed responses: cached for one second per tenant and query, so a burst of readers costs one database
    /// round trip and a newly published post shows within a second. Signed-in requests are never cached.
    /// </summary>
    public const string Feed = "feed";

    /// <summary>
    /// The link page and the widget: like <see cref="Feed"/> (one second, per tenant, query and language), tagged
    /// <c>link-page</c> so that a change of the pinned links evicts them at once.
    /// </summary>
    public const string Compact = "compact";

    /// <summary>How long <see cref="Feed"/> answers live in the output cache, and so in a browser or proxy (<c>max-age</c>).</summary>
    public static readonly TimeSpan FeedDuration = TimeSpan.FromSeconds(1);
}
