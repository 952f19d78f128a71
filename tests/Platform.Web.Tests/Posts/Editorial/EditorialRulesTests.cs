using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Application.Common;
using Platform.Web.Tests.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Posts.Editorial;

/// <summary>The TenantAdmin switches the four-eyes rule on <c>verwaltung</c>.</summary>
public sealed class EditorialRulesTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    public override async Task InitializeAsync()
    {
        await App.ResetAsync();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task The_admin_switches_the_four_eyes_rule_off_for_her_jobcenter_only()
    {
        var site = App.TenantByPrefix("offenbach");
        await SignInPage.SignInAsync(Page, site, "admin@offenbach.example");
        await Page.GotoAsync(new Uri(site, "verwaltung").ToString());
        var section = Page.Locator("section:has(#redaktion)");
        var rule = section.GetByLabel("Vier-Augen-Prinzip", new() { Exact = false });
        await Expect(rule).ToBeCheckedAsync();

        await rule.UncheckAsync();
        await section.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Das Vier-Augen-Prinzip ist ausgeschaltet.");
        await Expect(Page.Locator("section:has(#redaktion)").GetByLabel("Vier-Augen-Prinzip", new() { Exact = false })).Not.ToBeCheckedAsync();
        Assert.False(await FourEyesRuleAsync("offenbach"));
        Assert.True(await FourEyesRuleAsync("gross-gerau"));
    }

    private Task<bool> FourEyesRuleAsync(string slug) =>
        App.InTenantAsync(slug, sp => sp.GetRequiredService<IAppDbContext>().Tenants.Where(t => t.Slug == slug).Select(t => t.FourEyesRule).SingleAsync());
}
