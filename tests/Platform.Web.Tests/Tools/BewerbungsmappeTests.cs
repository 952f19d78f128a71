using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.Web.Tests.Accessibility;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Tools;

/// <summary>
/// The Bewerbungsmappe in Chromium with real files (a 2-page PDF, a portrait JPEG stored sideways with EXIF
/// orientation 6, a PNG): arranged by keyboard, one page turned, a cover page, and the downloaded PDF parsed with
/// PdfPig. Every request is recorded: nothing but reads of the platform's own files may leave the page.
/// </summary>
public sealed class BewerbungsmappeTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    private const double A4Width = 595.28;
    private const double A4Height = 841.89;

    [Fact]
    public async Task Pdf_photo_and_png_become_one_a4_pdf_in_the_chosen_order_and_nothing_is_sent()
    {
        var site = App.TenantByHost("gross-gerau");
        var requests = new BodyRecorder(Context);
        await Page.GotoAsync(new Uri(site, "bewerbungsmappe").ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Bewerbungsmappe" })).ToBeVisibleAsync();

        var pdf = ToolFiles.Pdf(2);
        // Stored sideways (400 × 300) and marked "turn 90° clockwise": shown, and in the PDF, as 300 × 400.
        var photo = ToolFiles.WithExifOrientation(await ToolFiles.PictureAsync(Page, 400, 300, "image/jpeg"), 6);
        var png = await ToolFiles.PictureAsync(Page, 300, 400, "image/png");
        await Page.Locator("#mappe-dateien").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "Lebenslauf.pdf", MimeType = "application/pdf", Buffer = pdf },
            new FilePayload { Name = "Zeugnis.jpg", MimeType = "image/jpeg", Buffer = photo },
            new FilePayload { Name = "Praktikum.png", MimeType = "image/png", Buffer = png },
        });
        var items = Page.Locator("#mappe-seiten > li");
        await Expect(items).ToHaveCountAsync(4);
        await Expect(items.Nth(2)).ToContainTextAsync("Zeugnis.jpg");

        // By keyboard: the PNG one up (before the photo), then turned once (portrait → landscape).
        await items.Nth(3).GetByRole(AriaRole.Button, new() { Name = "Nach oben" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(items.Nth(2)).ToContainTextAsync("Praktikum.png");
        await Expect(Page.Locator("#mappe-ansage")).ToContainTextAsync("ist jetzt Seite 3");
        var focused = await Page.EvaluateAsync<string>("() => document.activeElement.closest('li').textContent");
        Assert.Contains("Praktikum.png", focused, StringComparison.Ordinal);
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.Locator(":focus")).ToContainTextAsync("Drehen");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(items.Nth(2)).ToContainTextAsync("gedreht um 90 Grad");

        await Page.GetByLabel("Deckblatt hinzufügen").CheckAsync();
        await Page.GetByLabel("Vorname").FillAsync("Lea");
        await Page.GetByLabel("Nachname").FillAsync("Müller");
        await Page.GetByLabel("Stelle, auf die du dich bewirbst").FillAsync("Verkäuferin");

        var link = Page.Locator("#mappe-download");
        await Expect(Page.Locator("#mappe-ergebnis[data-state=fits]")).ToContainTextAsync("5 Seiten");
        await Expect(link).ToHaveTextAsync("Bewerbung_Müller_Lea.pdf herunterladen");
        var download = await Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal("Bewerbung_Müller_Lea.pdf", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.True(bytes.Length < 5 * 1024 * 1024, $"{bytes.Length} bytes");

        using (var document = PdfDocument.Open(bytes))
        {
            Assert.Equal(5, document.NumberOfPages);
            Assert.Equal("Bewerbung als Verkäuferin", document.Information.Title);
            Assert.Null(document.Information.Author);

            var cover = document.GetPage(1);
            Assert.Contains("Bewerbung", cover.Text, StringComparison.Ordinal);
            Assert.Contains("Müller", cover.Text, StringComparison.Ordinal);
            AssertSize(cover, A4Width, A4Height);

            Assert.Contains("Lebenslauf Seite 1", document.GetPage(2).Text, StringComparison.Ordinal);
            Assert.Contains("Lebenslauf Seite 2", document.GetPage(3).Text, StringComparison.Ordinal);
            AssertSize(document.GetPage(2), A4Width, A4Height);

            // The PNG, turned by the person: a landscape picture on a landscape A4 page.
            var turned = document.GetPage(4);
            AssertSize(turned, A4Height, A4Width);
            var turnedImage = Assert.Single(turned.GetImages());
            Assert.True(turnedImage.WidthInSamples > turnedImage.HeightInSamples, $"{turnedImage.WidthInSamples} × {turnedImage.HeightInSamples}");

            // The photo, turned by its EXIF orientation: portrait picture, portrait A4 page.
            var photoPage = document.GetPage(5);
            AssertSize(photoPage, A4Width, A4Height);
            var image = Assert.Single(photoPage.GetImages());
            Assert.Equal(300, image.WidthInSamples);
            Assert.Equal(400, image.HeightInSamples);
        }

        requests.AssertNothingSent(site);
        Assert.Contains(requests.Requests, r => r.Url.Contains("pdf-lib", StringComparison.Ordinal));
        Assert.Equal(0, await Page.EvaluateAsync<int>("() => localStorage.length + sessionStorage.length"));
        Assert.Empty(await Page.EvaluateAsync<string[]>("async () => (await indexedDB.databases()).map(d => d.name)"));
    }

    [Fact]
    public async Task A_large_photo_is_made_smaller_until_the_file_fits_the_chosen_size()
    {
        var site = App.TenantByHost("gross-gerau");
        await Page.GotoAsync(new Uri(site, "bewerbungsmappe").ToString());
        // Noise does not compress: at full quality this photo alone is several megabytes.
        var photo = await ToolFiles.PictureAsync(Page, 2400, 3200, "image/jpeg", noise: true);
        Assert.True(photo.Length > 3 * 1024 * 1024, $"{photo.Length} bytes");
        await Page.GetByLabel("Größe der Datei höchstens").SelectOptionAsync("2");
        await Page.GetByLabel("Fotos als Scan").CheckAsync();
        await Page.Locator("#mappe-dateien").SetInputFilesAsync(new FilePayload { Name = "Zeugnis.jpg", MimeType = "image/jpeg", Buffer = photo });

        await Expect(Page.Locator("#mappe-ergebnis[data-state=fits]")).ToContainTextAsync("höchstens 2,0 MB");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("#mappe-download").ClickAsync());
        Assert.Equal("Bewerbung.pdf", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.True(bytes.Length <= 2 * 1024 * 1024, $"{bytes.Length} bytes");
        using var document = PdfDocument.Open(bytes);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        AssertSize(page, A4Width, A4Height);
    }

    [Fact]
    public async Task Removing_a_page_keeps_the_focus_in_the_list_and_the_page_count_follows()
    {
        await Page.GotoAsync(new Uri(App.TenantByHost("gross-gerau"), "bewerbungsmappe").ToString());
        await Page.Locator("#mappe-dateien").SetInputFilesAsync(new FilePayload { Name = "Lebenslauf.pdf", MimeType = "application/pdf", Buffer = ToolFiles.Pdf(3) });
        var items = Page.Locator("#mappe-seiten > li");
        await Expect(items).ToHaveCountAsync(3);
        await items.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Entfernen" }).ClickAsync();
        await Expect(items).ToHaveCountAsync(2);
        await Expect(Page.Locator(":focus")).ToContainTextAsync("Entfernen");
        await Expect(Page.Locator("#mappe-ergebnis[data-state=fits]")).ToContainTextAsync("2 Seiten");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("#mappe-download").ClickAsync());
        using var document = PdfDocument.Open(await File.ReadAllBytesAsync(await download.PathAsync()));
        Assert.Equal(2, document.NumberOfPages);
        Assert.Contains("Lebenslauf Seite 3", document.GetPage(2).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bewerbungsmappe")]
    [InlineData("bewerbungsmappe?culture=en")]
    [InlineData("bewerbungsmappe?culture=ar")]
    [InlineData("video-check")]
    [InlineData("video-check?culture=en")]
    public async Task The_tool_pages_have_no_axe_violations_and_fit_320_pixels(string path)
    {
        var context = await NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE", BypassCSP = true, ViewportSize = new() { Width = 320, Height = 640 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(App.TenantByHost("gross-gerau"), path).ToString());
        if (path.StartsWith("bewerbungsmappe", StringComparison.Ordinal))
        {
            await page.Locator("#mappe-dateien").SetInputFilesAsync(new[]
            {
                new FilePayload { Name = "Lebenslauf-mit-einem-sehr-langen-Dateinamen.pdf", MimeType = "application/pdf", Buffer = ToolFiles.Pdf(2) },
                new FilePayload { Name = "Zeugnis.png", MimeType = "image/png", Buffer = await ToolFiles.PictureAsync(page, 300, 400, "image/png") },
            });
            await page.Locator("#mappe-deckblatt").CheckAsync();
            await Expect(page.Locator("#mappe-ergebnis[data-state=fits]")).ToBeVisibleAsync();
        }

        Assert.Null(await PageLayout.SidewaysOverflowAsync(page));
        await AxeTests.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_digitales_topic_the_footer_and_the_demo_post_lead_to_the_tools()
    {
        var site = App.TenantByHost("gross-gerau");
        await Page.GotoAsync(new Uri(site, "?topic=Digitales").ToString());
        await Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Bewerbungsmappe" }).ClickAsync();
        await UntilUrlAsync(Page, new Regex("/bewerbungsmappe$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bewerbungsmappe");

        await Page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Video-Check" }).ClickAsync();
        await UntilUrlAsync(Page, new Regex("/video-check$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Video-Check");

        await Page.GotoAsync(new Uri(site, "suche?q=Bewerbung%20als%20ein%20PDF").ToString());
        await Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Bewerbung als ein PDF" }).First.ClickAsync();
        await UntilUrlAsync(Page, new Regex("/posts/"));
        await Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "zur Bewerbungsmappe" }).ClickAsync();
        await UntilUrlAsync(Page, new Regex("/bewerbungsmappe$"));
    }

    [Fact]
    public async Task The_page_loads_pdf_lib_only_itself_and_opens_offline_after_the_first_visit()
    {
        var site = App.TenantByPrefix("gross-gerau");
        var feed = await Page.GotoAsync(site.ToString());
        Assert.DoesNotContain("pdf-lib", await Page.ContentAsync(), StringComparison.Ordinal);
        Assert.Contains("camera=()", feed!.Headers["permissions-policy"], StringComparison.Ordinal);

        // The jobcenter's service worker takes over on the first page; the tool's page and scripts then go through it.
        await UntilTrueAsync(Page, "navigator.serviceWorker.controller !== null");
        await Page.GotoAsync(new Uri(site, "bewerbungsmappe").ToString());
        await Expect(Page.Locator("#mappe")).ToBeVisibleAsync();
        await UntilTrueAsync(
            Page,
            "async () => (await (await caches.open('lesen-v1')).keys()).filter(r => /bewerbungsmappe$|pdf-lib|bewerbungsmappe[^/]*[.]js$|tools[^/]*[.]css$/.test(r.url)).length >= 4");

        await Context.SetOfflineAsync(true);
        await Page.ReloadAsync();
        await Expect(Page.Locator("#mappe")).ToBeVisibleAsync();
        await Page.Locator("#mappe-dateien").SetInputFilesAsync(new FilePayload { Name = "Lebenslauf.pdf", MimeType = "application/pdf", Buffer = ToolFiles.Pdf(1) });
        await Expect(Page.Locator("#mappe-ergebnis[data-state=fits]")).ToContainTextAsync("1 Seite,");
        await Context.SetOfflineAsync(false);
    }

    private static void AssertSize(UglyToad.PdfPig.Content.Page page, double width, double height)
    {
        Assert.Equal(width, page.Width, 0);
        Assert.Equal(height, page.Height, 0);
    }
}
