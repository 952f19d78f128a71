using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Platform.Web.Tests;

/// <summary>Base of the browser tests on SQLite, the database most of them need no other than.</summary>
public abstract class BrowserTest(BrowserApp app, ChromiumFixture chromium) : BrowserTest<BrowserApp>(app, chromium);

/// <summary>
/// Base of the browser tests: one host (<typeparamref name="TApp"/> picks its database) and one Chromium per test
/// class, a fresh browser context (no cookies, no cache) and page per test. A test that must hold on both databases is
/// written once in an abstract class over <typeparamref name="TApp"/> with one sealed class per database.
/// </summary>
public abstract class BrowserTest<TApp>(TApp app, ChromiumFixture chromium) : ChromiumTest, IClassFixture<TApp>, IAsyncLifetime
    where TApp : BrowserApp
{
    private readonly List<IBrowserContext> _extraContexts = [];
    private IBrowserContext? _context;
    private IPage? _page;

    protected TApp App { get; } = app;

    protected IBrowserContext Context => _context ?? throw new InvalidOperationException("The context has not been created.");

    protected IPage Page => _page ?? throw new InvalidOperationException("The page has not been created.");

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

    /// <summary>A further fresh context with its own options (for example BypassCSP for injected test scripts).</summary>
    protected async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await chromium.Browser.NewContextAsync(options);
        context.SetDefaultTimeout(Patience);
        context.SetDefaultNavigationTimeout(Patience);
        _extraContexts.Add(context);
        return context;
    }

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE" });
        context.SetDefaultTimeout(Patience);
        context.SetDefaultNavigationTimeout(Patience);
        return context;
    }
}

/// <summary>
/// One Chromium per test class. Declared apart from <see cref="BrowserTest{TApp}"/>, which C# does not let implement
/// <c>IClassFixture&lt;TApp&gt;</c> and <c>IClassFixture&lt;ChromiumFixture&gt;</c> side by side (CS0695).
/// </summary>
public abstract class ChromiumTest : IClassFixture<ChromiumFixture>
{
    /// <summary>
    /// Generous waits: CI runs on two shared cores, and the first render of a page JIT-compiles it. Playwright still
    /// continues as soon as the condition holds.
    /// </summary>
    protected static readonly float Patience = 60_000;

    /// <summary>
    /// Waits until the page's address matches. A polling assertion on the URL, not <c>WaitForURLAsync</c>: that one
    /// also waits for a load state, and when the navigation had already finished before the call it waited for a
    /// "commit" that never came again (a CI run timed out so). The assertions that follow wait for the content.
    /// </summary>
    public static Task UntilUrlAsync(IPage page, Regex address) =>
        Assertions.Expect(page).ToHaveURLAsync(address, new() { Timeout = Patience });

    /// <summary>
    /// Polls until the JavaScript <paramref name="expression"/> (it may return a promise) is true in the page. Not
    /// <c>WaitForFunctionAsync</c>: after its first try that one re-evaluates the expression with <c>eval</c> inside
    /// the page, which the platform's Content-Security-Policy (<c>script-src 'self'</c>) refuses, so it failed whenever
    /// the condition did not hold at once. Each <c>EvaluateAsync</c> here is a fresh evaluation from outside the page.
    /// </summary>
    public static async Task UntilTrueAsync(IPage page, string expression)
    {
        using var expired = new CancellationTokenSource(TimeSpan.FromMilliseconds(Patience));
        while (!await page.EvaluateAsync<bool>(expression))
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), expired.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Never came true in the page: {expression}");
            }
        }
    }
}
