using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.Web.Tests.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Posts.Editorial;

/// <summary>Readers' visits become a count per day that the editors see next to the post; nothing about the readers.</summary>
public sealed class PostViewsTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    public override async Task InitializeAsync()
    {
        await App.ResetAsync();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task Two_readings_of_a_post_show_in_the_editors_view_of_it()
    {
        var site = App.TenantByPrefix("gross-gerau");
        var reader = await NewAnonymousPageAsync();
        await reader.GotoAsync(site.ToString());
        await reader.Locator("ul.feed > li > article.post-card h2 a").First.ClickAsync();
        await UntilUrlAsync(reader, new Regex("/posts/"));
        var postId = reader.Url[(reader.Url.LastIndexOf('/') + 1)..];
        await reader.ReloadAsync();
        await Expect(reader.Locator("article.post h1")).ToBeVisibleAsync();

        await SignInPage.SignInAsync(Page, site, "redaktion@gross-gerau.example");
        await Page.GotoAsync(new Uri(site, $"redaktion/beitraege/{postId}").ToString());

        var views = Page.GetByRole(AriaRole.Region, new() { Name = "Aufrufe" });
        await Expect(views.Locator(".views-total")).ToHaveTextAsync("2");
        var table = views.GetByRole(AriaRole.Table, new() { Name = "Aufrufe pro Tag, letzte 30 Tage" });
        await Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Expect(table.GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("2");
    }
}
