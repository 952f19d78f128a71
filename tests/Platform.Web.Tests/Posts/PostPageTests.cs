using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Posts;

public sealed partial class PostPageTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    [Theory]
    [InlineData("gross-gerau", TenantAddressing.Host)]
    [InlineData("offenbach", TenantAddressing.PathPrefix)]
    public async Task Opening_a_post_from_the_feed_shows_its_detail_page(string slug, TenantAddressing addressing)
    {
        var feed = App.Tenant(slug, addressing);
        await Page.GotoAsync(feed.ToString());
        var link = Page.Locator("ul.feed > li > article.post-card h2 a").First;
        var title = (await link.TextContentAsync())?.Trim();
        Assert.False(string.IsNullOrEmpty(title));

        await link.ClickAsync();
        await UntilUrlAsync(Page, PostUrl());

        Assert.StartsWith(new Uri(feed, "posts/").ToString(), Page.Url, StringComparison.Ordinal);
        await Expect(Page.Locator("article.post h1")).ToHaveTextAsync(title);
        await Expect(Page).ToHaveTitleAsync(new Regex("^" + Regex.Escape(title)));
    }

    [Fact]
    public async Task The_posts_language_does_not_look_like_a_topic_and_says_what_it_is()
    {
        var feed = App.TenantByHost("gross-gerau");
        await Page.GotoAsync(feed.ToString());
        await Page.Locator("ul.feed > li > article.post-card h2 a").First.ClickAsync();
        await UntilUrlAsync(Page, PostUrl());

        var meta = Page.Locator("article.post .meta");
        var topic = meta.Locator("a.tag").First;
        var language = meta.Locator("> span").Filter(new() { HasText = "Deutsch" });
        await Expect(language).ToHaveCountAsync(1);
        await Expect(language).ToContainTextAsync("Sprache dieses Beitrags:");
        const string Look = "e => { const s = getComputedStyle(e); return s.backgroundColor + ' ' + s.borderRadius; }";
        Assert.NotEqual(await topic.EvaluateAsync<string>(Look), await language.EvaluateAsync<string>(Look));
    }

    [Fact]
    public async Task Answering_whether_a_post_helped_stays_on_the_post_and_is_remembered_by_this_browser_only()
    {
        var feed = App.TenantByPrefix("offenbach");
        await Page.GotoAsync(feed.ToString());
        await Page.Locator("ul.feed > li > article.post-card h2 a").First.ClickAsync();
        await UntilUrlAsync(Page, PostUrl());
        var url = Page.Url;
        var postId = new Uri(url).Segments[^1];
        var feedback = Page.Locator("section.feedback");
        await Expect(feedback.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Hat dir das geholfen?");
        var cookies = (await Context.CookiesAsync()).Select(c => c.Name).ToList();
        var answered = Page.WaitForResponseAsync(r => r.Url.EndsWith($"api/v1/posts/{postId}/feedback", StringComparison.Ordinal));

        await feedback.GetByRole(AriaRole.Button, new() { Name = "Ja" }).ClickAsync();

        Assert.Equal(204, (await answered).Status);
        await Expect(feedback.GetByRole(AriaRole.Status)).ToHaveTextAsync("Danke!");
        await Expect(feedback.GetByRole(AriaRole.Button, new() { Name = "Ja" })).ToBeHiddenAsync();
        Assert.Equal(url, Page.Url);
        Assert.Equal(cookies, (await Context.CookiesAsync()).Select(c => c.Name).ToList());

        await Page.ReloadAsync();
        await Expect(feedback.GetByRole(AriaRole.Status)).ToHaveTextAsync("Danke!");

        // Another browser has not answered: it is asked.
        var otherPage = await NewAnonymousPageAsync();
        await otherPage.GotoAsync(url);
        await Expect(otherPage.Locator("section.feedback").GetByRole(AriaRole.Button, new() { Name = "Ja" })).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/posts/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex PostUrl();
}
