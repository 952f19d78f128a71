using Microsoft.Playwright;

namespace Platform.Web.Tests;

/// <summary>
/// One headless Debian Chromium per test class, driven by Playwright's bundled driver. Nothing is downloaded: the
/// browser is the system's <c>/usr/bin/chromium</c>. A derived fixture adds command-line switches
/// (<see cref="ExtraArguments"/>), for example fake media devices.
/// </summary>
public class ChromiumFixture : IAsyncLifetime
{
    private const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Further Chromium switches of a derived fixture.</summary>
    protected virtual IEnumerable<string> ExtraArguments => [];

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been started.");

    public async Task InitializeAsync()
    {
        // The machine is shared and noisy: give auto-waiting assertions more room than the 5 s default. They still
        // pass as soon as the condition holds.
        Assertions.SetDefaultExpectTimeout(15_000);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                .. ExtraArguments,
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
