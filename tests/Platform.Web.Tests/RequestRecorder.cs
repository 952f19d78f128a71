using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Platform.Web.Tests;

/// <summary>
/// Records every request a browser context makes (pages, form posts, stylesheets, downloads), so that a test can
/// check at the end that nothing left the platform's own origin. The thorough check is <c>OwnOriginTests</c>; this is
/// the cheap one for the account and administration pages.
/// </summary>
public sealed class RequestRecorder
{
    private readonly ConcurrentQueue<Uri> _requests = new();

    public RequestRecorder(IBrowserContext context) => context.Request += (_, request) => _requests.Enqueue(new Uri(request.Url));

    public IReadOnlyCollection<Uri> Requests => [.. _requests];

    /// <summary>Every recorded request went to <paramref name="site"/>'s scheme, host and port, and there was at least one.</summary>
    public void AssertAllOnOriginOf(Uri site)
    {
        var requests = Requests;
        Assert.NotEmpty(requests);
        var origin = site.GetLeftPart(UriPartial.Authority);
        var foreign = requests
            .Where(r => !string.Equals(r.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase))
            .Select(r => r.ToString())
            .ToList();
        Assert.Empty(foreign);
    }
}
