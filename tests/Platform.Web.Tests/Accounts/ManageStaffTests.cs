using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Accounts;

/// <summary>A TenantAdmin changes a colleague's role and removes another one on <c>verwaltung</c>.</summary>
public sealed class ManageStaffTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    public override async Task InitializeAsync()
    {
        await App.ResetAsync();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task The_admin_makes_the_editor_a_reviewer_and_removes_the_reviewer()
    {
        var site = App.TenantByPrefix("offenbach");
        await SignInPage.SignInAsync(Page, site, "admin@offenbach.example");
        await Page.GotoAsync(new Uri(site, "verwaltung").ToString());
        var editorRow = Page.Locator("tr", new() { Has = Page.GetByRole(AriaRole.Cell, new() { Name = "redaktion@offenbach.example", Exact = true }) });
        await Expect(editorRow.Locator(".staff-role")).ToHaveTextAsync("Redaktion");

        await editorRow.GetByLabel("Neue Rolle für Redaktion").SelectOptionAsync("Reviewer");
        await editorRow.GetByRole(AriaRole.Button, new() { Name = "Rolle setzen" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Rolle ist geändert.");
        editorRow = Page.Locator("tr", new() { Has = Page.GetByRole(AriaRole.Cell, new() { Name = "redaktion@offenbach.example", Exact = true }) });
        await Expect(editorRow.Locator(".staff-role")).ToHaveTextAsync("Prüfung");

        var reviewerRow = Page.Locator("tr", new() { Has = Page.GetByRole(AriaRole.Cell, new() { Name = "pruefung@offenbach.example", Exact = true }) });
        await reviewerRow.GetByRole(AriaRole.Button, new() { Name = "Prüfung entfernen" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Person ist aus dem Team entfernt.");
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "pruefung@offenbach.example", Exact = true })).ToHaveCountAsync(0);
        await Expect(Page.Locator("#protokoll ~ table, section:has(#protokoll) table").First).ToContainTextAsync("staff.removed");
    }

    [Fact]
    public async Task The_last_admin_cannot_remove_herself()
    {
        var site = App.TenantByHost("gross-gerau");
        await SignInPage.SignInAsync(Page, site, "admin@gross-gerau.example");
        await Page.GotoAsync(new Uri(site, "verwaltung").ToString());

        await Page.GetByRole(AriaRole.Button, new() { Name = "Leitung entfernen" }).ClickAsync();

        await Expect(Page.Locator("section:has(#team) .form-errors")).ToContainTextAsync("mindestens eine Leitung");
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "admin@gross-gerau.example", Exact = true })).ToBeVisibleAsync();
    }
}
