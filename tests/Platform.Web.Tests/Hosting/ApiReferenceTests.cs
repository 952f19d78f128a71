using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Hosting;

/// <summary>The API reference (Scalar) works in a browser from the platform alone, under its own Content-Security-Policy (ADR-021).</summary>
public sealed class ApiReferenceTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    [Fact]
    public async Task The_api_reference_shows_the_document_loads_nothing_from_elsewhere_and_breaks_no_policy()
    {
        var reference = new Uri(App.ServerAddress, "scalar/v1");
        var requests = new List<Uri>();
        var complaints = new List<string>();
        Page.Request += (_, request) => requests.Add(new Uri(request.Url));
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                complaints.Add(message.Text);
            }
        };

        await Page.GotoAsync(reference.ToString());
        // A tag of the document, rendered by the script from the document it fetched.
        await Expect(Page.GetByText("Tenant administration").First).ToBeVisibleAsync();
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // The recording must have seen the script and the document, or an empty list would pass.
        Assert.Contains(requests, r => r.AbsolutePath.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.AbsolutePath == "/openapi/v1.json");
        var foreign = requests
            .Where(r => r.Scheme is "http" or "https")
            .Where(r => !string.Equals(r.GetLeftPart(UriPartial.Authority), reference.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.Empty(foreign);
        Assert.Empty(complaints);
    }
}
