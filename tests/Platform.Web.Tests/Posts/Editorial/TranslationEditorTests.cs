using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.Web.Tests.Accessibility;
using Platform.Web.Tests.Accounts;
using static Microsoft.Playwright.Assertions;
using static Platform.TestSupport.Eventually;

namespace Platform.Web.Tests.Posts.Editorial;

/// <summary>
/// Issue 14 in the browser: an editor writes a post's Ukrainian translation beside the original, a reviewer with a
/// second factor approves it, and a reader whose language is Ukrainian gets it, with "Auch auf" back to the original.
/// </summary>
public sealed class TranslationEditorTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    [Fact]
    public async Task An_editor_translates_a_reviewer_approves_and_a_ukrainian_reader_gets_the_translation()
    {
        var site = App.TenantByPrefix("gross-gerau");
        var reader = await AxePageAsync();
        var editor = await AxePageAsync();
        // A demo post that has no translation yet.
        const string original = "Ausbildungsplätze für August: jetzt bewerben";
        await reader.GotoAsync(new Uri(site, "suche?q=Ausbildungsplätze August").ToString());
        await reader.GetByRole(AriaRole.Link, new() { Name = original }).First.ClickAsync();
        await UntilUrlAsync(reader, new Regex("/posts/"));
        var postId = Regex.Match(reader.Url, "/posts/([0-9a-f-]{36})").Groups[1].Value;

        await SignInPage.SignInAsync(editor, site, "redaktion@gross-gerau.example");
        await editor.GotoAsync(new Uri(site, $"redaktion/beitraege/{postId}").ToString());
        await editor.GetByLabel("Übersetzung hinzufügen in").SelectOptionAsync("uk");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Übersetzung schreiben" }).ClickAsync();
        await UntilUrlAsync(editor, new Regex("/uebersetzungen"));
        var title = editor.GetByLabel("Titel", new() { Exact = true });
        await Expect(title).ToHaveAttributeAsync("lang", "uk");
        await title.FillAsync("Корисна порада для тебе");
        await editor.GetByLabel("Zusammenfassung", new() { Exact = true }).FillAsync("Коротко про головне.");
        await editor.GetByLabel("Text (Markdown)").FillAsync("**Важливо:** звернися до нас.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("Die Übersetzung ist gespeichert.");
        await AxeTests.AssertNoViolationsAsync(editor);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Zur Prüfung geben" }).ClickAsync();
        await Expect(editor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Übersetzung ist zur Prüfung gegeben.");
        var translationAddress = Regex.Replace(editor.Url, @"\?.*$", "");

        // Not yet approved: the reader still reads the original.
        await reader.GotoAsync(new Uri(site, $"posts/{postId}?culture=uk").ToString());
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(original);

        var reviewer = await NewAnonymousPageAsync();
        await SignInPage.SignInWithSecondFactorAsync(reviewer, App, site, "gross-gerau", "pruefung@gross-gerau.example");
        await reviewer.GotoAsync(translationAddress);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Freigeben" }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Status)).ToContainTextAsync("Die Übersetzung ist freigegeben.");

        await EventuallyAsync(
            async () =>
            {
                await reader.GotoAsync(new Uri(site, $"posts/{postId}?culture=uk").ToString());
                return (await reader.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim() == "Корисна порада для тебе";
            },
            "the approved translation on the page");
        await Expect(reader.Locator("article.post")).ToHaveAttributeAsync("lang", "uk");
        await Expect(reader.Locator("article.post .post-body strong")).ToHaveTextAsync("Важливо:");
        var back = reader.GetByRole(AriaRole.Navigation, new() { Name = "Цей допис іншими мовами" }).GetByRole(AriaRole.Link, new() { Name = "Deutsch" });
        await AxeTests.AssertNoViolationsAsync(reader);
        await back.ClickAsync();
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(original);
        await Expect(reader.Locator("article.post")).ToHaveAttributeAsync("lang", "de");
    }

    /// <summary>A page that lets axe-core's script in (the platform's CSP allows no inline script), in German.</summary>
    private async Task<IPage> AxePageAsync() =>
        await (await NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE", BypassCSP = true })).NewPageAsync();
}
