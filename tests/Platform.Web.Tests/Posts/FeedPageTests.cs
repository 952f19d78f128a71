using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Posts;

public sealed partial class FeedPageTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    [Theory]
    [InlineData("gross-gerau", TenantAddressing.Host)]
    [InlineData("offenbach", TenantAddressing.PathPrefix)]
    public async Task The_topic_filter_shows_only_posts_of_that_topic(string slug, TenantAddressing addressing)
    {
        var feed = App.Tenant(slug, addressing);
        await Page.GotoAsync(feed.ToString());
        var topics = Page.GetByRole(AriaRole.Navigation, new() { Name = "Themen" });
        var cards = Page.Locator("ul.feed > li > article.post-card");

        var wohnen = topics.GetByRole(AriaRole.Link, new() { Name = "Wohnen", Exact = true });
        await wohnen.ClickAsync();
        await UntilUrlAsync(Page, TopicWohnen());

        Assert.StartsWith(feed.ToString(), Page.Url, StringComparison.Ordinal);
        await Expect(wohnen).ToHaveAttributeAsync("aria-current", "page");
        await Expect(topics.Locator("[aria-current=page]")).ToHaveCountAsync(1);
        await Expect(cards.First).ToBeVisibleAsync();
        var wohnenCount = await cards.CountAsync();
        for (var i = 0; i < wohnenCount; i++)
        {
            await Expect(cards.Nth(i).Locator("span.tag").GetByText("Wohnen", new() { Exact = true })).ToHaveCountAsync(1);
        }

        var alle = topics.GetByRole(AriaRole.Link, new() { Name = "Alle", Exact = true });
        await alle.ClickAsync();
        await UntilUrlAsync(Page, NoTopic());

        Assert.Equal(feed.ToString(), Page.Url);
        await Expect(alle).ToHaveAttributeAsync("aria-current", "page");
        await Expect(wohnen).Not.ToHaveAttributeAsync("aria-current", "page");
        // "Alle" shows more posts than "Wohnen": a card beyond the Wohnen count appears.
        await Expect(cards.Nth(wohnenCount)).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"[?&]topic=Wohnen(&|$)")]
    private static partial Regex TopicWohnen();

    [GeneratedRegex("^(?!.*topic=)")]
    private static partial Regex NoTopic();
}
