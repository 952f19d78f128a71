using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.Web.Tests.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Accessibility;

/// <summary>
/// axe-core (from npm, installed by infra/install-test-deps.sh into .test-tools/) on every public page, WCAG 2.0/2.1
/// A and AA rules: no violation allowed. The strict Content-Security-Policy would block the injected script, so
/// only this context bypasses it.
/// </summary>
public sealed class AxeTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Theory]
    [InlineData("")]
    [InlineData("?topic=Wohnen")]
    [InlineData("post")]
    [InlineData("kontakt")]
    [InlineData("barrierefreiheit")]
    [InlineData("barrierefreiheit/leichte-sprache")]
    [InlineData("suche")]
    [InlineData("suche?q=Wohnungen")]
    [InlineData("suche?q=Quarkxylophon")]
    [InlineData("anmelden")]
    [InlineData("registrieren")]
    [InlineData("veranstaltungen")]
    [InlineData("veranstaltungen?ansicht=kalender")]
    [InlineData("passwort-vergessen")]
    [InlineData("themen-abonnieren")]
    [InlineData("?culture=en")]
    [InlineData("?culture=ar")]
    [InlineData("kontakt?culture=en")]
    [InlineData("veranstaltungen?culture=ar")]
    [InlineData("?culture=fa")]
    [InlineData("kontakt?culture=fa")]
    [InlineData("barrierefreiheit?culture=fa")]
    [InlineData("barrierefreiheit/leichte-sprache?culture=ar")]
    [InlineData("veranstaltungen?ansicht=kalender&culture=fa")]
    [InlineData("anmelden?culture=ar")]
    [InlineData("themen-abonnieren?culture=en")]
    [InlineData("veranstaltungen?ansicht=kalender&culture=en")]
    [InlineData("links")]
    [InlineData("einbetten")]
    public async Task A_tenant_page_has_no_axe_violations(string path)
    {
        var site = App.TenantByHost("gross-gerau");
        var page = await AxePageAsync();
        if (path == "post")
        {
            await page.GotoAsync(site.ToString());
            await page.Locator("ul.feed article h2 a").First.ClickAsync();
            await UntilUrlAsync(page, new Regex("/posts/"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        }
        else
        {
            await page.GotoAsync(new Uri(site, path).ToString());
        }

        await AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_contact_form_with_errors_and_after_sending_has_no_axe_violations()
    {
        var page = await AxePageAsync();
        await page.GotoAsync(new Uri(App.TenantByHost("offenbach"), "kontakt").ToString());
        var main = page.Locator("main");
        await main.GetByRole(AriaRole.Button, new() { Name = "Nachricht senden" }).ClickAsync();
        await Expect(main.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page);

        await main.GetByLabel("Telefonnummer").FillAsync("069 1234567");
        await main.GetByLabel("Deine Nachricht").FillAsync("Bitte ruft mich an.");
        await main.GetByLabel("Ich bin einverstanden").CheckAsync();
        await main.GetByRole(AriaRole.Button, new() { Name = "Nachricht senden" }).ClickAsync();
        await Expect(main.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_bookmark_list_and_a_bookmarked_post_have_no_axe_violations()
    {
        var site = App.TenantByHost("gross-gerau");
        var page = await AxePageAsync();
        await SignInPage.SignInAsync(page, site, "jana@gross-gerau.example");
        await page.GotoAsync(new Uri(site, "merkliste").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Merkliste", Level = 1 })).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page);

        await page.GotoAsync(site.ToString());
        await page.Locator("ul.feed article h2 a").First.ClickAsync();
        await UntilUrlAsync(page, new Regex("/posts/"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Beitrag merken" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Von der Merkliste entfernen" })).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page);

        await page.GotoAsync(new Uri(site, "merkliste").ToString());
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Gemerkte Beiträge" })).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page);

        await page.GotoAsync(new Uri(site, "?topic=Geld").ToString());
        await Expect(page.Locator(".follow-topic form")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page);

        await page.GotoAsync(new Uri(site, "merkliste?culture=en").ToString());
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Saved posts" })).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_landing_page_has_no_axe_violations()
    {
        var page = await AxePageAsync();
        await page.GotoAsync(App.ServerAddress.ToString());

        await AssertNoViolationsAsync(page);
    }

    private async Task<IPage> AxePageAsync()
    {
        var context = await NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE", BypassCSP = true });
        return await context.NewPageAsync();
    }

    internal static async Task AssertNoViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = AxeScript.Path });
        var json = await page.EvaluateAsync<string>(
            """
            async (tags) => {
                const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
                return JSON.stringify(result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary) })));
            }
            """,
            Tags);
        using var violations = JsonDocument.Parse(json);
        Assert.True(
            violations.RootElement.GetArrayLength() == 0,
            $"axe found violations on {page.Url}:\n{JsonSerializer.Serialize(violations.RootElement, Indented)}");
    }
}

/// <summary>Finds axe-core in the repository's .test-tools/ folder (infra/install-test-deps.sh installs it).</summary>
public static class AxeScript
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, ".test-tools", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("axe-core is missing: run infra/install-test-deps.sh (it installs it into .test-tools/).");
    }
}
