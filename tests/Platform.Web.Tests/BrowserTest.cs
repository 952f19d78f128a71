using Microsoft.Playwright;

namespace Platform.Web.Tests;

/// <summary>
/// Base of the browser tests: one host and one Chromium per test class, a fresh browser context (no cookies, no
/// cache) and page per test.
/// </summary>
public abstract class BrowserTest(BrowserApp app, ChromiumFixture chromium)
    : IClassFixture<BrowserApp>, IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private readonly List<IBrowserContext> _extraContexts = [];
    private IBrowserContext? _context;
    private IPage? _page;

    protected BrowserApp App { get; } = app;

    protected IBrowserContext Context => _context ?? throw new InvalidOperationException("The context has not been created.");

    protected IPage Page => _page ?? throw new InvalidOperationException("The page has not been created.");

    /// <summary>
    /// Generous waits: CI runs on two shared cores, and the first render of a page JIT-compiles it. Playwright still
    /// continues as soon as the condition holds.
    /// </summary>
    private static readonly float Patience = 60_000;

    /// <summary>
    /// Wait for a URL only until the navigation commits; the assertions that follow wait for what they need. Waiting
    /// for the load event as well raced with fast same-page navigations on a busy machine.
    /// </summary>
    public static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    public virtual async Task InitializeAsync()
    {
        _context = await NewContextAsync();
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var extra in _extraContexts)
        {
            await extra.DisposeAsync();
        }

        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    /// <summary>A page in a further fresh context (no cookies, no cache): a second, anonymous visitor.</summary>
    protected async Task<IPage> NewAnonymousPageAsync()
    {
        var context = await NewContextAsync();
        _extraContexts.Add(context);
        return await context.NewPageAsync();
    }

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE" });
        context.SetDefaultTimeout(Patience);
        context.SetDefaultNavigationTimeout(Patience);
        return context;
    }
}
