using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Hosting;

/// <summary>
/// The main pages, as real requests render them for the people they are meant for, are valid HTML by the Nu Html
/// Checker (vnu-jar from npm, installed by infra/install-test-deps.sh into .test-tools/, run on Debian's Java). All
/// pages go to one checker run, because starting the JVM costs more than checking a page.
/// </summary>
public abstract class HtmlValidityTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task The_main_pages_have_no_html_errors()
    {
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        Guid postId;
        using (var anonymous = App.CreateTenantClient("gross-gerau"))
        {
            var feed = await GetJsonAsync(anonymous, "api/v1/posts?page=1&pageSize=1");
            postId = feed.GetProperty("items")[0].GetProperty("id").GetGuid();

            // An answer to "Hat dir das geholfen?", so the figures page has a row to show.
            using (var answer = await anonymous.PostAsJsonAsync($"api/v1/posts/{postId}/feedback", new { helpful = true }))
            {
                Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
            }
            var events = await GetJsonAsync(anonymous, "api/v1/events");
            var eventId = FirstId(events);

            foreach (var path in new[]
            {
                "", $"posts/{postId}", "veranstaltungen", "veranstaltungen?ansicht=kalender", $"posts/{eventId}",
                "suche?q=Wohnung", "anmelden", "registrieren", "kontakt", "impressum", "datenschutz", "barrierefreiheit", "barrierefreiheit/leichte-sprache",
                "?culture=ar", "links", "einbetten", "einbetten?count=3&topic=Wohnen",
            })
            {
                pages[$"anonymous /{path}"] = await GetPageAsync(anonymous, path);
            }
        }

        // A library item with an Arabic translation, for the network's pages.
        Guid itemId;
        using (var network = App.CreateTenantClient("gross-gerau"))
        {
            var token = await SignInAsync(network, "netzwerk@gross-gerau.example");
            using var created = await SendAsync(network, HttpMethod.Post, "api/v1/library", token, new
            {
                title = "Bewerbungsfoto",
                summary = "Ein gutes Foto für die Bewerbung",
                bodyMarkdown = "Ruf uns an: {{Jobcenter.Telefon}}",
                topics = new[] { "Jobsuche" },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            itemId = (await ReadJsonAsync(created)).GetProperty("id").GetGuid();
            using var translated = await SendAsync(network, HttpMethod.Put, $"api/v1/library/{itemId}/translations/ar", token, new { baseVersion = 1, title = "صورة الطلب" });
            Assert.Equal(HttpStatusCode.OK, translated.StatusCode);
        }

        // A contact request with an answer of the team, for its staff page.
        Guid requestId;
        using (var contact = App.CreateTenantClient("gross-gerau"))
        {
            using var sent = await contact.PostAsJsonAsync("api/v1/contact", new { type = "question", name = "Mo", email = "mo@example.org", message = "Wann kommt das Geld?", consent = true });
            requestId = (await ReadJsonAsync(sent)).GetProperty("id").GetGuid();
            var admin = await SignInAsync(contact, "admin@gross-gerau.example");
            using var answered = await SendAsync(contact, HttpMethod.Post, $"api/v1/tenant/contact-requests/{requestId}/answers", admin, new { text = "Am Monatsanfang." });
            Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        }

        foreach (var (email, paths) in new[]
        {
            ("jana@gross-gerau.example", new[] { "meine-daten", "benachrichtigungen", "erinnerungen", "konto/sicherheit", "veranstaltungen" }),
            // A published post's editorial page shows its Instagram kit.
            ("redaktion@gross-gerau.example", ["redaktion", "redaktion/beitraege/neu", "redaktion/kalender", $"redaktion/beitraege/{postId}", $"redaktion/beitraege/{postId}/uebersetzungen/ar", "redaktion/links", "redaktion/zahlen"]),
            ("admin@gross-gerau.example", ["verwaltung", "benachrichtigungen", "verwaltung/anfragen", $"verwaltung/anfragen/{requestId}"]),
            ("netzwerk@gross-gerau.example", ["redaktion/bibliothek", "redaktion/bibliothek/zahlen", $"redaktion/bibliothek/{itemId}", $"redaktion/bibliothek/{itemId}/uebersetzungen/ar"]),
        })
        {
            using var client = App.CreateTenantClient("gross-gerau");
            using var login = await client.PostAsJsonAsync("api/v1/auth/login?useCookies=true", new { email, password = DatabaseInitializer.DemoPassword });
            Assert.True(login.IsSuccessStatusCode, $"login {email}: {(int)login.StatusCode}");
            foreach (var path in paths)
            {
                pages[$"{email} /{path}"] = await GetPageAsync(client, path);
            }
        }

        var errors = await HtmlChecker.ErrorsAsync(pages);

        Assert.True(errors.Count == 0, $"{errors.Count} HTML errors:\n{string.Join('\n', errors)}");
    }

    private static Guid FirstId(JsonElement list)
    {
        var items = list.ValueKind == JsonValueKind.Array ? list : list.GetProperty("items");
        return items[0].GetProperty("id").GetGuid();
    }

    private static async Task<string> GetPageAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/{path}: {(int)response.StatusCode} {body}");
        return body;
    }
}

public sealed class SqliteHtmlValidityTests(SqliteApp app) : HtmlValidityTests<SqliteApp>(app);

public sealed class PostgresHtmlValidityTests(PostgresApp app) : HtmlValidityTests<PostgresApp>(app);

/// <summary>Runs the Nu Html Checker over pages and returns its errors, each with the page it was found on.</summary>
internal static class HtmlChecker
{
    public static async Task<IReadOnlyList<string>> ErrorsAsync(IReadOnlyDictionary<string, string> pages)
    {
        var folder = Directory.CreateTempSubdirectory("vnu-");
        try
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var (page, html) in pages)
            {
                var file = Path.Combine(folder.FullName, $"page{index++}.html");
                await File.WriteAllTextAsync(file, html, Encoding.UTF8);
                names[Path.GetFileName(file)] = page;
            }

            var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-jar", VnuJar(), "--errors-only", "--format", "json" })
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var file in names.Keys)
            {
                start.ArgumentList.Add(Path.Combine(folder.FullName, file));
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("java did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var report = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            await output;

            using var json = JsonDocument.Parse(report);
            return [.. json.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() == "error"
                    || (m.TryGetProperty("subType", out var sub) && sub.GetString() == "fatal"))
                .Select(m => $"{Page(names, m)} line {(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: "
                    + $"{m.GetProperty("message").GetString()} «{(m.TryGetProperty("extract", out var extract) ? extract.GetString() : "")}»")];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Page(Dictionary<string, string> names, JsonElement message) =>
        message.TryGetProperty("url", out var url) && names.TryGetValue(url.GetString()![(url.GetString()!.LastIndexOf('/') + 1)..], out var page)
            ? page
            : "?";

    /// <summary>Finds vnu.jar in the repository's .test-tools/ folder (infra/install-test-deps.sh installs it).</summary>
    private static string VnuJar()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".test-tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("vnu.jar is missing: run infra/install-test-deps.sh (it installs it into .test-tools/).");
    }
}
