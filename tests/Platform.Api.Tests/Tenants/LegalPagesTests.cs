using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Tenants;

/// <summary>
/// Impressum, Datenschutzerklärung and the accessibility statement a public body must publish (ADR-019): linked from
/// every page, kept as the jobcenter's own page or as a text on the platform, and named where forms collect data.
/// </summary>
public abstract class LegalPagesTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Theory]
    [InlineData("")]
    [InlineData("kontakt")]
    [InlineData("veranstaltungen")]
    [InlineData("anmelden")]
    [InlineData("barrierefreiheit")]
    [InlineData("?culture=ar")]
    public async Task Every_page_links_the_imprint_and_the_privacy_notice_of_the_demo_jobcenter(string path)
    {
        using var client = App.CreateTenantClient("gross-gerau");

        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        var footer = html[html.IndexOf("<footer", StringComparison.Ordinal)..];
        Assert.Contains("href=\"impressum\"", footer, StringComparison.Ordinal);
        Assert.Contains("href=\"datenschutz\"", footer, StringComparison.Ordinal);
        Assert.Contains("href=\"barrierefreiheit\"", footer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_jobcenters_have_an_imprint_and_a_privacy_notice_on_the_platform()
    {
        foreach (var slug in new[] { "gross-gerau", "offenbach" })
        {
            using var client = App.CreateTenantClient(slug);
            var imprint = await client.GetStringAsync(new Uri("impressum", UriKind.Relative));
            var privacy = await client.GetStringAsync(new Uri("datenschutz", UriKind.Relative));

            Assert.Contains("<h1>Impressum</h1>", imprint, StringComparison.Ordinal);
            Assert.Contains("§ 5 Digitale-Dienste-Gesetz", imprint, StringComparison.Ordinal);
            Assert.Contains("<h1>Datenschutzerklärung</h1>", privacy, StringComparison.Ordinal);
            Assert.Contains("Verantwortlich für die Verarbeitung", privacy, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_jobcenters_own_pages_are_linked_instead_and_saving_the_contact_data_keeps_the_texts()
    {
        using var client = App.CreateTenantClient("offenbach");
        var admin = await SignInAsync(client, "admin@offenbach.example");
        using var legal = await SendAsync(client, HttpMethod.Put, "api/v1/tenant/legal", admin, new
        {
            imprintUrl = "https://mainarbeit-offenbach.example/impressum",
            privacyText = "Unsere eigene Datenschutzerklärung.\n\nZweiter Absatz.",
            conformance = "Full",
            enforcementBody = "Eine andere Stelle\nIrgendwo 1",
            preparedOn = "2026-11-02",
        });
        Assert.Equal(HttpStatusCode.NoContent, legal.StatusCode);
        using var contact = await SendAsync(client, HttpMethod.Put, "api/v1/tenant/contact", admin, new { phone = "069 000-201", postcodes = new[] { "63065" } });
        Assert.Equal(HttpStatusCode.NoContent, contact.StatusCode);

        var home = await client.GetStringAsync(new Uri("", UriKind.Relative));
        Assert.Contains("href=\"https://mainarbeit-offenbach.example/impressum\" rel=\"noopener\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"datenschutz\"", home, StringComparison.Ordinal);
        var privacy = await client.GetStringAsync(new Uri("datenschutz", UriKind.Relative));
        Assert.Contains("<p>Unsere eigene Datenschutzerklärung.</p>", privacy, StringComparison.Ordinal);
        Assert.Contains("<p>Zweiter Absatz.</p>", privacy, StringComparison.Ordinal);
        var statement = await client.GetStringAsync(new Uri("barrierefreiheit", UriKind.Relative));
        Assert.Contains("vollständig vereinbar", statement, StringComparison.Ordinal);
        Assert.Matches(@"Eine andere Stelle\s*<br\s*/?>\s*Irgendwo 1", statement);
        Assert.Contains("datetime=\"2026-11-02\"", statement, StringComparison.Ordinal);
        Assert.DoesNotContain("Sonnenberger", statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_accessibility_statement_has_every_part_bitv_and_hvbit_ask_for()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        var statement = await client.GetStringAsync(new Uri("barrierefreiheit", UriKind.Relative));

        Assert.DoesNotContain("folgt", statement, StringComparison.Ordinal);
        foreach (var heading in new[] { "Stand der Vereinbarkeit mit den Anforderungen", "Nicht barrierefreie Inhalte", "Erstellung dieser Erklärung", "Feedback und Kontakt", "Durchsetzungsverfahren" })
        {
            Assert.Contains($">{heading}</h2>", statement, StringComparison.Ordinal);
        }

        Assert.Contains("teilweise vereinbar", statement, StringComparison.Ordinal);
        Assert.Contains("Grund:", statement, StringComparison.Ordinal);
        Assert.Contains("datetime=\"2026-12-01\"", statement, StringComparison.Ordinal);
        Assert.Contains("Hessisches Ministerium für Soziales und Integration", statement, StringComparison.Ordinal);
        Assert.Contains("Barriere melden", statement, StringComparison.Ordinal);
        Assert.Contains("mailto:u25@jobcenter-gross-gerau.example", statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_statement_written_before_as_plain_text_is_kept_as_its_notes()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await db.Database.ExecuteSqlAsync($"UPDATE \"Tenants\" SET \"AccessibilityStatement\" = {"{Klammer} Unser alter Text.\n\nMit zwei Absätzen."} WHERE \"Slug\" = 'offenbach'");
            scope.ServiceProvider.GetRequiredService<ITenantCatalog>().Invalidate();
        }

        using var client = App.CreateTenantClient("offenbach");
        var statement = await client.GetStringAsync(new Uri("barrierefreiheit", UriKind.Relative));

        Assert.Contains("<p>{Klammer} Unser alter Text.</p>", statement, StringComparison.Ordinal);
        Assert.Contains("<p>Mit zwei Absätzen.</p>", statement, StringComparison.Ordinal);
        Assert.Contains("Durchsetzungsverfahren", statement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("registrieren")]
    [InlineData("kontakt")]
    [InlineData("barrierefreiheit")]
    public async Task Forms_that_collect_personal_data_name_the_controller_and_link_the_privacy_notice(string path)
    {
        using var client = App.CreateTenantClient("gross-gerau");

        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        Assert.Contains("Datenschutz: Verantwortlich ist Kommunales Jobcenter Groß-Gerau.", main, StringComparison.Ordinal);
        Assert.Contains("<a href=\"datenschutz\">Datenschutzerklärung</a>", main, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("imprintUrl", "http://unsicher.example/impressum")]
    [InlineData("conformance", null)]
    public async Task Bad_legal_texts_are_400_naming_the_field(string field, string? value)
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var admin = await SignInAsync(client, "admin@gross-gerau.example");
        var body = new Dictionary<string, object?> { ["privacyText"] = "Text", ["conformance"] = "Partial", [field] = value };

        using var response = await SendAsync(client, HttpMethod.Put, "api/v1/tenant/legal", admin, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ReadJsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Only_tenant_admins_change_the_legal_texts()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var editor = await SignInAsync(client, "redaktion@gross-gerau.example");

        using var response = await SendAsync(client, HttpMethod.Put, "api/v1/tenant/legal", editor, new { imprintText = "x", conformance = "Full" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public sealed class SqliteLegalPagesTests(SqliteApp app) : LegalPagesTests<SqliteApp>(app);

public sealed class PostgresLegalPagesTests(PostgresApp app) : LegalPagesTests<PostgresApp>(app);
