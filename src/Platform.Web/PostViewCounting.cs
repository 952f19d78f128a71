using Microsoft.AspNetCore.Http;

namespace Platform.Web;

/// <summary>
/// Which readings of a post count (<c>CountPostViewCommand</c>): GET requests by people. Search engines and link
/// previews that name themselves in the User-Agent are left out; the header is only looked at, never stored.
/// </summary>
public static class PostViewCounting
{
    private static readonly string[] RobotMarks = ["bot", "crawler", "spider", "slurp", "facebookexternalhit", "preview"];

    public static bool Counts(HttpContext? context)
    {
        if (context is null || !HttpMethods.IsGet(context.Request.Method))
        {
            return false;
        }

        var agent = context.Request.Headers.UserAgent.ToString();
        return !RobotMarks.Any(mark => agent.Contains(mark, StringComparison.OrdinalIgnoreCase));
    }
}
