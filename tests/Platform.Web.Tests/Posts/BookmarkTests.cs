using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Application.Common;
using Platform.Web.Tests.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Posts;

/// <summary>A young person keeps a post on the "Merkliste" and follows a topic from the feed, all without JavaScript needs.</summary>
public sealed class BookmarkTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    public override async Task InitializeAsync()
    {
        await App.ResetAsync();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task A_young_person_bookmarks_a_post_finds_it_on_the_list_and_removes_it()
    {
        var site = App.TenantByPrefix("gross-gerau");
        var requests = new RequestRecorder(Context);
        await SignInPage.SignInAsync(Page, site, "jana@gross-gerau.example");

        await Page.GotoAsync(site.ToString());
        var link = Page.Locator("ul.feed > li > article.post-card h2 a").First;
        var title = (await link.TextContentAsync())!.Trim();
        await link.ClickAsync();
        await UntilUrlAsync(Page, new Regex("/posts/"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Beitrag merken" }).ClickAsync();

        await Expect(Page.Locator(".bookmark")).ToContainTextAsync("Gemerkt");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Von der Merkliste entfernen" })).ToBeVisibleAsync();
        Assert.Equal(1, await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().Bookmarks.CountAsync()));

        await Page.Locator(".account-nav").GetByRole(AriaRole.Link, new() { Name = "Merkliste", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Merkliste", Level = 1 })).ToBeVisibleAsync();
        var list = Page.GetByRole(AriaRole.List, new() { Name = "Gemerkte Beiträge" });
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();

        await list.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Entfernen\\W+" + Regex.Escape(title) + "$") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Von der Merkliste entfernt.");
        await Expect(Page.GetByText("Du hast dir noch nichts gemerkt.")).ToBeVisibleAsync();
        Assert.Equal(0, await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().Bookmarks.CountAsync()));
        requests.AssertAllOnOriginOf(site);
    }

    [Fact]
    public async Task A_young_person_follows_a_topic_from_the_feed_and_sees_it_in_the_settings()
    {
        var site = App.TenantByPrefix("gross-gerau");
        await SignInPage.SignInAsync(Page, site, "jana@gross-gerau.example");
        await Page.GotoAsync(new Uri(site, "?topic=Geld").ToString());

        await Page.GetByRole(AriaRole.Button, new() { Name = "Thema „Geld“ folgen" }).ClickAsync();
        await Expect(Page.GetByText("Du folgst „Geld“.")).ToBeVisibleAsync();

        await Page.GotoAsync(new Uri(site, "benachrichtigungen").ToString());
        await Expect(Page.GetByLabel("Geld")).ToBeCheckedAsync();
        await Expect(Page.GetByLabel("Wohnen")).Not.ToBeCheckedAsync();

        await Page.GotoAsync(new Uri(site, "?topic=Geld").ToString());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Thema „Geld“ nicht mehr folgen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Thema „Geld“ folgen" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Without_an_account_the_post_page_invites_to_sign_in_and_the_feed_links_the_topic_subscriptions()
    {
        var site = App.TenantByHost("gross-gerau");
        await Page.GotoAsync(new Uri(site, "?topic=Wohnen").ToString());
        await Page.GetByRole(AriaRole.Link, new() { Name = "Thema „Wohnen“ ohne Konto per Push abonnieren" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Themen abonnieren", Level = 1 })).ToBeVisibleAsync();

        await Page.GotoAsync(site.ToString());
        await Page.Locator("ul.feed > li > article.post-card h2 a").First.ClickAsync();
        await UntilUrlAsync(Page, new Regex("/posts/"));
        await Expect(Page.Locator(".bookmark").GetByRole(AriaRole.Link, new() { Name = "Melde dich an" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Beitrag merken" })).ToHaveCountAsync(0);
    }
}
