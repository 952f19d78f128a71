using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Tools;

/// <summary>A Chromium whose camera and microphone are Chromium's fake devices, allowed without asking.</summary>
public sealed class FakeMediaChromiumFixture : ChromiumFixture
{
    protected override IEnumerable<string> ExtraArguments => ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"];
}

/// <summary>
/// The Video-Check with fake media devices: the preview plays, the level meter moves, an answer is recorded and plays
/// back, the network check answers, a refused permission says what to do, and no request carries picture or sound.
/// </summary>
public sealed class VideoCheckTests(BrowserApp app, FakeMediaChromiumFixture chromium) : IClassFixture<BrowserApp>, IClassFixture<FakeMediaChromiumFixture>, IAsyncLifetime
{
    private const float Patience = 60_000;
    private IBrowserContext? _context;

    private IBrowserContext Context => _context ?? throw new InvalidOperationException("no context");

    public async Task InitializeAsync()
    {
        _context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE" });
        _context.SetDefaultTimeout(Patience);
        _context.SetDefaultNavigationTimeout(Patience);
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    [Fact]
    public async Task Camera_microphone_recording_and_network_check_work_on_the_device_and_send_no_media()
    {
        var site = app.TenantByHost("gross-gerau");
        var requests = new BodyRecorder(Context);
        var page = await Context.NewPageAsync();
        var response = await page.GotoAsync(new Uri(site, "video-check").ToString());
        Assert.Contains("camera=(self)", response!.Headers["permissions-policy"], StringComparison.Ordinal);
        Assert.Contains("media-src 'self' blob:", response.Headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", response.Headers["content-security-policy"], StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Kamera und Mikrofon testen" }).ClickAsync();
        await Expect(page.Locator("#video-status")).ToHaveTextAsync("Kamera und Mikrofon laufen.");
        await page.WaitForFunctionAsync("() => { const v = document.getElementById('video-vorschau'); return v.readyState >= 2 && !v.paused && v.videoWidth > 0; }");
        await page.WaitForFunctionAsync("() => document.getElementById('video-pegel').value > 0");
        await Expect(page.Locator("#video-licht")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#video-frage")).Not.ToBeEmptyAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Aufnahme starten" }).ClickAsync();
        await Expect(page.Locator("#video-aufnahme-status")).ToContainTextAsync("noch 60 Sekunden");
        // The recorder hands over its first second of data before the answer is stopped.
        await Expect(page.Locator("#video-aufnahme-status[data-chunks]")).ToBeAttachedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Aufnahme beenden" }).ClickAsync();
        await Expect(page.Locator("#video-aufnahme-status")).ToContainTextAsync("nur auf diesem Gerät");
        var playback = page.Locator("#video-wiedergabe");
        await Expect(playback).ToBeVisibleAsync();
        Assert.StartsWith("blob:", await playback.GetAttributeAsync("src"), StringComparison.Ordinal);
        var size = int.Parse((await page.Locator("#video-wiedergabe-bereich").GetAttributeAsync("data-bytes"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(size > 0);
        await page.WaitForFunctionAsync("() => { const v = document.getElementById('video-wiedergabe'); return v.readyState >= 1 || v.error; }");
        Assert.Null(await playback.EvaluateAsync<string?>("v => v.error ? v.error.code + ' ' + v.error.message : null"));
        await playback.EvaluateAsync("v => { v.muted = true; return v.play(); }");
        await page.WaitForFunctionAsync("() => document.getElementById('video-wiedergabe').currentTime > 0");

        await page.GetByRole(AriaRole.Button, new() { Name = "Aufnahme löschen" }).ClickAsync();
        await Expect(playback).ToBeHiddenAsync();
        await Expect(page.Locator("#video-aufnahme-status")).ToHaveTextAsync("Die Aufnahme ist gelöscht.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Internet prüfen" }).ClickAsync();
        await Expect(page.Locator("#video-netz-ergebnis[data-verdict=good]")).ToContainTextAsync("Das reicht gut");

        await page.GetByRole(AriaRole.Button, new() { Name = "Kamera ausschalten" }).ClickAsync();
        await Expect(page.Locator("#video-status")).ToHaveTextAsync("Kamera und Mikrofon sind aus.");

        requests.AssertNothingSent(site);
        Assert.Contains(requests.Requests, r => r.Url.Contains("netzcheck?bytes=", StringComparison.Ordinal));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length + sessionStorage.length"));
    }

    [Fact]
    public async Task A_refused_permission_says_what_to_do_on_android_and_iphone()
    {
        var page = await Context.NewPageAsync();
        await page.AddInitScriptAsync("navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));");
        await page.GotoAsync(new Uri(app.TenantByHost("gross-gerau"), "video-check").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Kamera und Mikrofon testen" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("Du hast Kamera oder Mikrofon nicht erlaubt.");
        await Expect(alert).ToContainTextAsync("Android (Chrome)");
        await Expect(alert).ToContainTextAsync("iPhone (Safari)");

        await page.GetByRole(AriaRole.Button, new() { Name = "Aufnahme starten" }).ClickAsync();
        await Expect(page.Locator("#video-aufnahme-status")).ToHaveTextAsync("Schalte zuerst Kamera und Mikrofon ein (Schritt 1).");
    }

    [Fact]
    public async Task A_device_in_use_and_a_missing_device_each_get_their_own_message()
    {
        var page = await Context.NewPageAsync();
        await page.AddInitScriptAsync("window.__reason = 'NotReadableError'; navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('x', window.__reason));");
        await page.GotoAsync(new Uri(app.TenantByHost("gross-gerau"), "video-check?culture=en").ToString());
        var start = page.GetByRole(AriaRole.Button, new() { Name = "Test camera and microphone" });
        await start.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Another app is using the camera");
        await page.EvaluateAsync("() => { window.__reason = 'NotFoundError'; }");
        await start.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("We cannot find a camera or microphone.");
    }

    [Fact]
    public async Task The_network_check_answers_inside_the_tenant_only_and_is_never_cached()
    {
        using var http = new HttpClient { BaseAddress = app.ServerAddress };
        using var ping = await http.GetAsync(new Uri(app.TenantByPrefix("gross-gerau"), "netzcheck"));
        Assert.Equal(HttpStatusCode.NoContent, ping.StatusCode);
        Assert.True(ping.Headers.CacheControl?.NoStore, ping.Headers.CacheControl?.ToString());

        using var data = await http.GetAsync(new Uri(app.TenantByPrefix("gross-gerau"), "netzcheck?bytes=100000"));
        Assert.Equal(HttpStatusCode.OK, data.StatusCode);
        Assert.Equal(100_000, (await data.Content.ReadAsByteArrayAsync()).Length);
        Assert.True(data.Headers.CacheControl?.NoStore);

        using var capped = await http.GetAsync(new Uri(app.TenantByPrefix("gross-gerau"), "netzcheck?bytes=999999999"));
        Assert.Equal(2 * 1024 * 1024, (await capped.Content.ReadAsByteArrayAsync()).Length);

        using var noTenant = await http.GetAsync(new Uri(app.ServerAddress, "netzcheck"));
        Assert.Equal(HttpStatusCode.NotFound, noTenant.StatusCode);
    }
}
