using Microsoft.Playwright;

namespace Platform.Web.Tests;

/// <summary>
/// Base of the browser tests: one host and one Chromium per test class, a fresh browser context (no cookies, no
/// cache) and page per test.
/// </summary>
public abstract class BrowserTest(BrowserApp app, ChromiumFixture chromium)
    : IClassFixture<BrowserApp>, IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private IBrowserContext? _context;
    private IPage? _page;

    protected BrowserApp App { get; } = app;

    protected IBrowserContext Context => _context ?? throw new InvalidOperationException("The context has not been created.");

    protected IPage Page => _page ?? throw new InvalidOperationException("The page has not been created.");

    public async Task InitializeAsync()
    {
        _context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE" });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }
}
