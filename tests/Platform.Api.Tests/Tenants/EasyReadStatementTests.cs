using System.Net;
using System.Text.RegularExpressions;
using Platform.Domain.Posts;
using Platform.TestSupport;
using Platform.Web.Resources;

namespace Platform.Api.Tests.Tenants;

/// <summary>
/// The accessibility statement in Leichte Sprache (issue 14): each jobcenter's own facts, on its host and under
/// <c>/t/{slug}/</c>, German in every UI language, linked both ways with the statement, and its fixed texts keep the
/// rules <see cref="EasyReadCheck"/> tests.
/// </summary>
public abstract partial class EasyReadStatementTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_page_shows_the_jobcenters_own_name_contact_and_conformance_and_no_other_jobcenters(bool prefix)
    {
        using var client = prefix ? App.CreatePrefixClient("gross-gerau") : App.CreateTenantClient("gross-gerau");

        using var response = await client.GetAsync(new Uri("barrierefreiheit/leichte-sprache", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();

        var main = page[page.IndexOf("<main", StringComparison.Ordinal)..page.IndexOf("</main>", StringComparison.Ordinal)];
        Assert.Contains("<h1>Erklärung zur Barriere·freiheit in Leichter Sprache</h1>", main, StringComparison.Ordinal);
        Assert.Contains("Das ist die Internet-Seite von Kommunales Jobcenter Groß-Gerau.", main, StringComparison.Ordinal);
        Assert.Contains("Die Seite hält viele Regeln ein. Aber noch nicht alle Regeln.", main, StringComparison.Ordinal);
        Assert.Contains("WCAG 2.1 Stufe AA", main, StringComparison.Ordinal);
        Assert.Contains("mailto:u25@jobcenter-gross-gerau.example", main, StringComparison.Ordinal);
        Assert.Contains("tel:06152000100", main, StringComparison.Ordinal);
        Assert.Contains("Sonnenberger Straße 2/2a", main, StringComparison.Ordinal);
        Assert.Contains("<a href=\"barrierefreiheit\">Zurück zur Erklärung in Alltags·sprache</a>", main, StringComparison.Ordinal);
        Assert.DoesNotContain("Offenbach", page, StringComparison.Ordinal);
        Assert.DoesNotContain("mainarbeit", page, StringComparison.Ordinal);
        Assert.Contains("<base href=\"" + (prefix ? "/t/gross-gerau/" : "/") + "\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_jobcenter_shows_its_own_conformance_and_contact()
    {
        using var client = App.CreateTenantClient("offenbach");
        var admin = await SignInAsync(client, "admin@offenbach.example");
        using var legal = await SendAsync(client, HttpMethod.Put, "api/v1/tenant/legal", admin, new { privacyText = "Text", conformance = "Full" });
        Assert.Equal(HttpStatusCode.NoContent, legal.StatusCode);

        var page = await client.GetStringAsync(new Uri("barrierefreiheit/leichte-sprache", UriKind.Relative));

        Assert.Contains("Das ist die Internet-Seite von Jobcenter MainArbeit Offenbach.", page, StringComparison.Ordinal);
        Assert.Contains("Die Seite hält alle Regeln ein.", page, StringComparison.Ordinal);
        Assert.Contains("Wir kennen zurzeit keine Barrieren auf der Seite.", page, StringComparison.Ordinal);
        Assert.Contains("mailto:jugend@mainarbeit-offenbach.example", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Groß-Gerau", page, StringComparison.Ordinal);
        Assert.DoesNotContain("gross-gerau", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    [InlineData("de")]
    public async Task The_page_is_german_in_every_ui_language_and_the_statement_links_to_it(string culture)
    {
        using var client = App.CreateTenantClient("gross-gerau");

        var page = await client.GetStringAsync(new Uri($"barrierefreiheit/leichte-sprache?culture={culture}", UriKind.Relative));
        var statement = await client.GetStringAsync(new Uri($"barrierefreiheit?culture={culture}", UriKind.Relative));

        Assert.Contains("<div class=\"easy-read\" lang=\"de\" dir=\"ltr\">", page, StringComparison.Ordinal);
        Assert.Matches(EasyReadLink(), statement);
        Assert.Contains(UiText.InCulture("Accessibility.EasyReadLink", System.Globalization.CultureInfo.GetCultureInfo(culture)), statement, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fixed_texts_of_the_page_keep_the_rules_of_leichte_sprache()
    {
        var texts = EasyReadText.All();

        Assert.NotEmpty(texts);
        Assert.Empty(texts.SelectMany(t => EasyReadCheck.Check(t.Value).Select(h => $"{t.Key}: {h.Code} '{h.Excerpt}'")));
    }

    [GeneratedRegex("<a href=\"barrierefreiheit/leichte-sprache\" hreflang=\"de\">")]
    private static partial Regex EasyReadLink();
}

public sealed class SqliteEasyReadStatementTests(SqliteApp app) : EasyReadStatementTests<SqliteApp>(app);

public sealed class PostgresEasyReadStatementTests(PostgresApp app) : EasyReadStatementTests<PostgresApp>(app);
