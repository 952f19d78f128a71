using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.Web.Tests.Accessibility;
using Platform.Web.Tests.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Library;

/// <summary>
/// A library campaign from the browser: a network editor writes an item that a second one approves, and proposes a
/// date; an editor of a jobcenter opts in; a reviewer with a second factor approves the post, and it is scheduled for
/// the campaign date. The library pages pass axe (WCAG 2.1 A/AA).
/// </summary>
public sealed class LibraryCampaignTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public override async Task InitializeAsync()
    {
        await App.ResetAsync();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task A_jobcenter_that_opts_in_gets_its_post_scheduled_for_the_campaign_date_when_a_reviewer_approves_it()
    {
        const string itemTitle = "Ausbildung startet am 1. August";
        const string campaignTitle = "Ausbildungsstart";
        var grossGerau = App.TenantByPrefix("gross-gerau");
        var offenbach = App.TenantByPrefix("offenbach");

        // Written by the network editor at Groß-Gerau, approved by the one at Offenbach (four eyes).
        var network = await AxePageAsync();
        await SignInPage.SignInAsync(network, grossGerau, "netzwerk@gross-gerau.example");
        await network.GotoAsync(new Uri(grossGerau, "redaktion/bibliothek").ToString());
        await network.GetByRole(AriaRole.Link, new() { Name = "Neuer Bibliothekseintrag" }).ClickAsync();
        await UntilUrlAsync(network, new Regex("/redaktion/bibliothek/neu$"));
        await network.GetByLabel("Titel", new() { Exact = true }).FillAsync(itemTitle);
        await network.GetByLabel("Zusammenfassung", new() { Exact = true }).FillAsync("Was du vorher erledigen solltest.");
        await network.GetByLabel("Text (Markdown)").FillAsync("Fragen? Ruf uns an: {{Jobcenter.Telefon}}");
        await network.GetByLabel("Ausbildung").CheckAsync();
        await network.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Expect(network.GetByRole(AriaRole.Status)).ToHaveTextAsync("Der Eintrag ist angelegt.");
        await network.GetByRole(AriaRole.Button, new() { Name = "Zur Prüfung geben" }).ClickAsync();
        await Expect(network.GetByRole(AriaRole.Status)).ToHaveTextAsync("Der Eintrag ist zur Prüfung gegeben.");
        var itemPath = new Uri(Regex.Replace(network.Url, @"\?.*$", "")).AbsolutePath.Split("/redaktion/")[1];
        await AxeTests.AssertNoViolationsAsync(network);

        var second = await NewAnonymousPageAsync();
        await SignInPage.SignInWithSecondFactorAsync(second, App, offenbach, "offenbach", "netzwerk@offenbach.example");
        await second.GotoAsync(new Uri(offenbach, "redaktion/" + itemPath).ToString());
        await second.GetByRole(AriaRole.Button, new() { Name = "Freigeben" }).ClickAsync();
        await Expect(second.GetByRole(AriaRole.Status)).ToHaveTextAsync("Der Eintrag ist freigegeben und für alle Jobcenter sichtbar.");

        // The campaign date, two days ahead at 09:30 Berlin time.
        var date = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Berlin).Date.AddDays(2).AddHours(9).AddMinutes(30);
        await network.GotoAsync(new Uri(grossGerau, "redaktion/" + itemPath).ToString());
        await network.GetByLabel("Titel der Kampagne").FillAsync(campaignTitle);
        await network.GetByLabel("Termin (Ortszeit Europe/Berlin)").FillAsync(date.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await network.GetByLabel("Notiz für die Jobcenter (freiwillig)").FillAsync("Bitte vor dem Ausbildungsstart veröffentlichen.");
        await network.GetByRole(AriaRole.Button, new() { Name = "Kampagne anlegen" }).ClickAsync();
        await Expect(network.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Kampagne ist angelegt.");
        await AxeTests.AssertNoViolationsAsync(network);

        // An editor of Groß-Gerau opts in: the item becomes a draft of the jobcenter, with its own phone number.
        var editor = await AxePageAsync();
        await SignInPage.SignInAsync(editor, grossGerau, "redaktion@gross-gerau.example");
        await editor.GotoAsync(new Uri(grossGerau, "redaktion").ToString());
        await editor.GetByRole(AriaRole.Link, new() { Name = "Bibliothek" }).First.ClickAsync();
        await UntilUrlAsync(editor, new Regex("/redaktion/bibliothek$"));
        await AxeTests.AssertNoViolationsAsync(editor);
        var campaign = editor.Locator("li.campaign", new() { HasText = campaignTitle });
        await Expect(campaign).ToContainTextAsync(date.ToString("dd.MM.yyyy, HH:mm", German));
        await campaign.GetByRole(AriaRole.Button, new() { Name = $"Mitmachen bei „{campaignTitle}“" }).ClickAsync();
        await Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("Ihr macht bei der Kampagne mit.");
        await AxeTests.AssertNoViolationsAsync(editor);
        campaign = editor.Locator("li.campaign", new() { HasText = campaignTitle });
        await campaign.GetByRole(AriaRole.Link, new() { Name = itemTitle }).Last.ClickAsync();
        await UntilUrlAsync(editor, new Regex("/redaktion/beitraege/"));
        await Expect(editor.GetByLabel("Text (Markdown)")).ToHaveValueAsync(new Regex("06152 000-100"));
        await editor.GetByRole(AriaRole.Button, new() { Name = "Zur Prüfung geben" }).ClickAsync();
        await Expect(editor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Der Beitrag ist zur Prüfung gegeben.");
        var postAddress = Regex.Replace(editor.Url, @"\?.*$", "");

        // The reviewer approves with a second factor; the approval schedules it for the campaign date.
        var reviewer = await NewAnonymousPageAsync();
        await SignInPage.SignInWithSecondFactorAsync(reviewer, App, grossGerau, "gross-gerau", "pruefung@gross-gerau.example");
        await reviewer.GotoAsync(postAddress);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Freigeben" }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Status)).ToHaveTextAsync("Der Beitrag ist freigegeben.");
        await Expect(reviewer.Locator(".post-status").First).ToHaveTextAsync("Geplant");
        await Expect(reviewer.GetByText("erscheint am")).ToContainTextAsync(date.ToString("dd.MM.yyyy, HH:mm", German));

        // The network team sees that Groß-Gerau takes part and that its post is scheduled, not its text.
        await network.GotoAsync(new Uri(grossGerau, "redaktion/bibliothek").ToString());
        var participants = network.Locator("li.campaign", new() { HasText = campaignTitle }).Locator("table");
        await Expect(participants).ToContainTextAsync("Geplant");
        await Expect(participants).ToContainTextAsync(date.ToString("dd.MM.yyyy, HH:mm", German));
        await Expect(network.GetByRole(AriaRole.Button, new() { Name = $"Mitmachen bei „{campaignTitle}“" })).ToHaveCountAsync(0);
    }

    private async Task<IPage> AxePageAsync()
    {
        var context = await NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE", BypassCSP = true });
        return await context.NewPageAsync();
    }
}
