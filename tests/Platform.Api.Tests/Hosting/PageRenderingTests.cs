using System.Net;
using System.Net.Http.Json;
using Platform.Api.Tests.Accounts;
using Platform.Api.Tests.Posts;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Hosting;

/// <summary>
/// Every page answers a browser at once with a whole HTML document, for the person it is meant for, on both databases:
/// on PostgreSQL queries really yield, which once let forms render before their model existed (500).
/// </summary>
public abstract class PageRenderingTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Theory]
    [InlineData("jana@gross-gerau.example", "")]
    [InlineData("jana@gross-gerau.example", "veranstaltungen")]
    [InlineData("jana@gross-gerau.example", "veranstaltungen?ansicht=kalender")]
    [InlineData("jana@gross-gerau.example", "kontakt")]
    [InlineData("jana@gross-gerau.example", "erinnerungen")]
    [InlineData("jana@gross-gerau.example", "benachrichtigungen")]
    [InlineData("jana@gross-gerau.example", "merkliste")]
    [InlineData("jana@gross-gerau.example", "meine-daten")]
    [InlineData("jana@gross-gerau.example", "konto/sicherheit")]
    [InlineData("redaktion@gross-gerau.example", "redaktion")]
    [InlineData("redaktion@gross-gerau.example", "redaktion/beitraege/neu")]
    [InlineData("redaktion@gross-gerau.example", "redaktion/kalender")]
    [InlineData("redaktion@gross-gerau.example", "redaktion/links")]
    [InlineData("redaktion@gross-gerau.example", "redaktion/zahlen")]
    [InlineData("redaktion@gross-gerau.example", "redaktion/bibliothek")]
    [InlineData("netzwerk@gross-gerau.example", "redaktion/bibliothek/neu")]
    [InlineData("netzwerk@gross-gerau.example", "redaktion/bibliothek/zahlen")]
    [InlineData("admin@gross-gerau.example", "verwaltung")]
    [InlineData("admin@gross-gerau.example", "verwaltung/anfragen")]
    public async Task A_signed_in_person_gets_their_page_as_a_whole_document(string email, string path)
    {
        using var client = await SignedInAsync(email);

        var (status, body) = await GetPageAsync(client, path);

        Assert.True(status == HttpStatusCode.OK, $"{path}: {(int)status} {body}");
        Assert.EndsWith("</html>", body.TrimEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("redaktion@gross-gerau.example", "redaktion/beitraege/8d1f0a52-0000-4000-8000-000000000001")]
    [InlineData("netzwerk@gross-gerau.example", "redaktion/bibliothek/8d1f0a52-0000-4000-8000-000000000001")]
    [InlineData("redaktion@gross-gerau.example", "redaktion/bibliothek/uebernahmen/8d1f0a52-0000-4000-8000-000000000001")]
    public async Task An_unknown_id_is_the_not_found_page(string email, string path)
    {
        using var client = await SignedInAsync(email);

        var (status, body) = await GetPageAsync(client, path);

        Assert.True(status == HttpStatusCode.NotFound, $"{path}: {(int)status} {body}");
        Assert.Contains("<h1>Nicht gefunden", body, StringComparison.Ordinal);
        Assert.EndsWith("</html>", body.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_deleted_while_its_editor_page_is_open_is_the_not_found_page()
    {
        using var client = await SignedInAsync("redaktion@gross-gerau.example");
        using var api = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(api, "redaktion@gross-gerau.example");
        var id = await EditorialApi.CreateAsync(api, token, "Bald wieder weg");
        Assert.Equal(HttpStatusCode.OK, (await GetPageAsync(client, $"redaktion/beitraege/{id}")).Status);
        await using (var connection = App.OpenConnection())
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM \"Posts\" WHERE \"Id\" = '{(App.Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id.ToString())}'";
            Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        }

        var (status, body) = await GetPageAsync(client, $"redaktion/beitraege/{id}");

        Assert.True(status == HttpStatusCode.NotFound, $"{(int)status} {body}");
        Assert.EndsWith("</html>", body.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_account_without_any_data_gets_every_one_of_its_pages_as_a_whole_document()
    {
        const string password = "Ein langer Satz als Passwort";
        var email = $"neu-{Guid.NewGuid():N}@example.org";
        using (var api = App.CreateTenantClient("gross-gerau"))
        {
            await AccountMail.RegisterConfirmedAsync(App, api, email, password, "Neu hier", confirmedAtLeast16: false);
        }

        using var client = await SignedInAsync(email, password);
        var failures = new List<string>();
        foreach (var path in new[] { "", "veranstaltungen", "erinnerungen", "benachrichtigungen", "merkliste", "meine-daten", "konto/sicherheit", "themen-abonnieren" })
        {
            var (status, body) = await GetPageAsync(client, path);
            if (status != HttpStatusCode.OK || !body.TrimEnd().EndsWith("</html>", StringComparison.Ordinal))
            {
                failures.Add($"{path}: {(int)status}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task An_event_post_the_person_signed_up_for_and_bookmarked_is_a_whole_document()
    {
        // The post page's bookmark button and event block load side by side: on PostgreSQL they once queried the
        // request's one DbContext at the same time, and the page failed.
        const string email = "jana@gross-gerau.example";
        using var api = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(api, email);
        using var events = await api.GetAsync(new Uri("api/v1/events", UriKind.Relative));
        var eventId = (await ReadJsonAsync(events)).EnumerateArray().First().GetProperty("id").GetGuid();
        using (var registration = await SendAsync(api, HttpMethod.Post, $"api/v1/events/{eventId}/registration", token))
        {
            Assert.True(registration.IsSuccessStatusCode, $"register: {(int)registration.StatusCode}");
        }

        using (var bookmark = await SendAsync(api, HttpMethod.Put, $"api/v1/me/bookmarks/{eventId}", token))
        {
            Assert.True(bookmark.IsSuccessStatusCode, $"bookmark: {(int)bookmark.StatusCode}");
        }

        using var client = await SignedInAsync(email);
        var (status, body) = await GetPageAsync(client, $"posts/{eventId}");

        Assert.True(status == HttpStatusCode.OK, $"{(int)status} {body}");
        Assert.Contains("class=\"event-block", body, StringComparison.Ordinal);
        Assert.EndsWith("</html>", body.TrimEnd(), StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync(string email, string password = DatabaseInitializer.DemoPassword)
    {
        var client = App.CreateTenantClient("gross-gerau");

        // A safety net only: a page that never answers fails here instead of holding the run.
        client.Timeout = TimeSpan.FromSeconds(60);
        using var login = await client.PostAsJsonAsync("api/v1/auth/login?useCookies=true", new { email, password });
        Assert.True(login.IsSuccessStatusCode, $"login {email}: {(int)login.StatusCode}");
        return client;
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetPageAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

public sealed class SqlitePageRenderingTests(SqliteApp app) : PageRenderingTests<SqliteApp>(app);

public sealed class PostgresPageRenderingTests(PostgresApp app) : PageRenderingTests<PostgresApp>(app);
