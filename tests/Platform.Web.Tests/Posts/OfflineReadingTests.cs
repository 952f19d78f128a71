using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Posts;

/// <summary>The installable web app keeps the posts a person has opened readable without a connection.</summary>
public sealed class OfflineReadingTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    [Theory]
    [InlineData(TenantAddressing.Host)]
    [InlineData(TenantAddressing.PathPrefix)]
    public async Task A_post_read_online_stays_readable_offline_and_an_unread_one_says_so(TenantAddressing addressing)
    {
        var feed = App.Tenant("gross-gerau", addressing);
        await Page.GotoAsync(feed.ToString());

        // The jobcenter's service worker takes over this page (its scope is the jobcenter's path).
        var scope = await Page.EvaluateAsync<string>("navigator.serviceWorker.ready.then(r => r.scope)");
        Assert.Equal(feed.ToString(), scope);
        await UntilTrueAsync(Page, "navigator.serviceWorker.controller !== null");

        var links = Page.Locator("ul.feed > li > article.post-card h2 a");
        var read = (await links.Nth(0).GetAttributeAsync("href"))!;
        var unread = (await links.Nth(1).GetAttributeAsync("href"))!;
        var title = (await links.Nth(0).TextContentAsync())!.Trim();
        await links.Nth(0).ClickAsync();
        await Expect(Page.Locator("article.post h1")).ToHaveTextAsync(title);

        await Context.SetOfflineAsync(true);
        try
        {
            await Page.GotoAsync(new Uri(feed, read).ToString());
            await Expect(Page.Locator("article.post h1")).ToHaveTextAsync(title);

            await Page.GotoAsync(new Uri(feed, unread).ToString());
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Du bist offline", Level = 1 })).ToBeVisibleAsync();
        }
        finally
        {
            await Context.SetOfflineAsync(false);
        }
    }

    [Fact]
    public async Task The_offline_page_is_in_the_language_the_person_reads_in_right_to_left_for_arabic()
    {
        var feed = App.Tenant("gross-gerau", TenantAddressing.Host);
        await Page.GotoAsync(new Uri(feed, "?culture=ar").ToString());
        await UntilTrueAsync(Page, "navigator.serviceWorker.controller !== null");
        // The page has told the worker its language.
        await UntilTrueAsync(Page, "caches.open('einstellungen-v1').then(c => c.match('sw-sprache')).then(r => r ? r.text() : '').then(t => t === 'ar')");
        var unread = (await Page.Locator("ul.feed > li > article.post-card h2 a").Nth(1).GetAttributeAsync("href"))!;

        await Context.SetOfflineAsync(true);
        try
        {
            await Page.GotoAsync(new Uri(feed, unread).ToString());
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "أنت غير متصل بالإنترنت", Level = 1 })).ToBeVisibleAsync();
            await Expect(Page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        }
        finally
        {
            await Context.SetOfflineAsync(false);
        }
    }
}
