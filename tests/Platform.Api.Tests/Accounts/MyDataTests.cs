using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Domain.Reminders;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Accounts;

/// <summary>"Meine Daten": a young person takes everything with them, or deletes it, at once.</summary>
public abstract class MyDataTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string Password = "Ein langer Satz als Passwort";

    [Fact]
    public async Task The_export_contains_every_personal_field()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, "export@example.org", Password, "Exporta", confirmedAtLeast16: true);

        using var response = await SendAsync(client, HttpMethod.Get, "api/v1/me/data", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("meine-daten-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var export = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var account = export.GetProperty("account");
        Assert.Equal("export@example.org", account.GetProperty("email").GetString());
        Assert.Equal("Exporta", account.GetProperty("displayName").GetString());
        Assert.True(account.GetProperty("confirmedAtLeast16").GetBoolean());
        Assert.True(account.TryGetProperty("createdAt", out _));
        Assert.True(account.TryGetProperty("emailConfirmed", out _));
        Assert.Equal("Kommunales Jobcenter Groß-Gerau", export.GetProperty("jobcenter").GetString());
        var consent = Assert.Single(export.GetProperty("consents").EnumerateArray());
        Assert.True(consent.GetProperty("given").GetBoolean());
        Assert.Empty(export.GetProperty("reminders").EnumerateArray());
        Assert.False(export.GetProperty("notificationSettings").GetProperty("email").GetBoolean());

        // Every personal column of the account row appears in the export.
        foreach (var column in new[] { "Email", "DisplayName", "ConfirmedAtLeast16", "ConfirmedAtLeast16At", "CreatedAt" })
        {
            Assert.True(account.TryGetProperty(JsonNamingPolicy.CamelCase.ConvertName(column), out _), column);
        }
    }

    [Fact]
    public async Task The_export_contains_followed_topics_push_subscriptions_and_contact_requests_from_the_address()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, "alles@example.org", Password, "Alex", confirmedAtLeast16: true);
        var id = (await ReadJsonAsync(await SendAsync(client, HttpMethod.Get, "api/v1/auth/me", token))).GetProperty("id").GetGuid();
        using (var settings = await SendAsync(client, HttpMethod.Put, "api/v1/notifications/settings", token,
            new { email = false, push = false, quietStart = "22:00", quietEnd = "07:00", followedTopics = new[] { "Geld", "Wohnen" } }))
        {
            Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        }

        await App.InTenantAsync("gross-gerau", async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            db.PushSubscriptions.Add(PushSubscription.Create(
                sp.GetRequiredService<ICurrentTenant>().RequiredId, id, "https://push.example.org/send/abc", "p256dh", "auth", 0, DateTime.UtcNow, "de"));
            await db.SaveChangesAsync();
        });
        using (var contact = await client.PostAsJsonAsync("api/v1/contact", new { type = "question", name = "Alex", email = "Alles@Example.org", phone = "06152 1234", message = "Wie beantrage ich Wohngeld?", consent = true }))
        {
            Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        }

        using (var other = await client.PostAsJsonAsync("api/v1/contact", new { type = "question", email = "jemand@example.org", message = "Nicht von Alex.", consent = true }))
        {
            Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        }

        var export = await ExportAsync(client, token);

        Assert.Equal(["Geld", "Wohnen"], export.GetProperty("notificationSettings").GetProperty("followedTopics").EnumerateArray().Select(t => t.GetString()));
        var push = Assert.Single(export.GetProperty("pushSubscriptions").EnumerateArray());
        Assert.Equal("https://push.example.org/send/abc", push.GetProperty("endpoint").GetString());
        Assert.True(push.TryGetProperty("createdAt", out _));
        var request = Assert.Single(export.GetProperty("contactRequests").EnumerateArray());
        Assert.Equal("Wie beantrage ich Wohngeld?", request.GetProperty("message").GetString());
        Assert.Equal("06152 1234", request.GetProperty("phone").GetString());
        Assert.Equal("Alex", request.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Confirming_16_later_is_recorded_with_its_time_in_the_export()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, "spaeter@example.org", Password, "Später", confirmedAtLeast16: false);
        var before = await ExportAsync(client, token);
        Assert.False(before.GetProperty("account").GetProperty("confirmedAtLeast16").GetBoolean());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("account").GetProperty("confirmedAtLeast16At").ValueKind);
        Assert.False(Assert.Single(before.GetProperty("consents").EnumerateArray()).GetProperty("given").GetBoolean());

        using var confirmed = await SendAsync(client, HttpMethod.Post, "api/v1/me/age-confirmation", token);

        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        var after = await ExportAsync(client, token);
        var at = after.GetProperty("account").GetProperty("confirmedAtLeast16At").GetDateTime();
        Assert.True(after.GetProperty("account").GetProperty("confirmedAtLeast16").GetBoolean());
        Assert.True(at >= after.GetProperty("account").GetProperty("createdAt").GetDateTime());
        var consent = Assert.Single(after.GetProperty("consents").EnumerateArray());
        Assert.True(consent.GetProperty("given").GetBoolean());
        Assert.Equal(at, consent.GetProperty("at").GetDateTime());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("api/v1/me/age-confirmation", null)).StatusCode);
    }

    private static async Task<JsonElement> ExportAsync(HttpClient client, string token)
    {
        using var response = await SendAsync(client, HttpMethod.Get, "api/v1/me/data", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Deleting_the_account_leaves_nothing_of_the_person_in_any_table()
    {
        using var client = App.CreateTenantClient("offenbach");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, "weg@example.org", Password, "Weg", confirmedAtLeast16: false);
        var id = (await ReadJsonAsync(await SendAsync(client, HttpMethod.Get, "api/v1/auth/me", token))).GetProperty("id").GetGuid();
        using (var reminder = await SendAsync(client, HttpMethod.Post, "api/v1/reminders", token, new { kind = "JobcenterAppointment", dueAt = DateTime.UtcNow.AddDays(3), leadTimeMinutes = new[] { 1440, 120 } }))
        {
            Assert.Equal(HttpStatusCode.Created, reminder.StatusCode);
        }

        using (var settings = await SendAsync(client, HttpMethod.Put, "api/v1/notifications/settings", token, new { email = false, push = false, quietStart = "21:00", quietEnd = "08:00", followedTopics = new[] { "Geld" } }))
        {
            Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        }

        // A contact request from the address (the form stores no account), and a mail job that carries the account id.
        using (var contact = await client.PostAsJsonAsync("api/v1/contact", new { type = "callback", name = "Wenke Weg", email = "WEG@example.org", phone = "0151 000000", message = "Bitte ruf mich an.", consent = true }))
        {
            Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        }

        using (var forgot = await client.PostAsJsonAsync("api/v1/auth/forgot-password", new { email = "weg@example.org" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        }

        await App.Mail.WaitForMessageToAsync("weg@example.org", count: 3);
        var hits = await RowsMentioningAsync(id, "weg@example.org");
        Assert.Contains(hits, h => h.Contains("ReminderDeliveries", StringComparison.Ordinal));
        Assert.Contains(hits, h => h.Contains("NotificationPreferences", StringComparison.Ordinal));
        Assert.Contains(hits, h => h.Contains("ContactRequests", StringComparison.Ordinal));
        Assert.Contains(hits, h => h.StartsWith("jobs:", StringComparison.Ordinal));

        using var deleted = await SendAsync(client, HttpMethod.Post, "api/v1/me/deletion", token, new { password = Password });

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await RowsMentioningAsync(id, "weg@example.org"));
        Assert.Empty(await RowsMentioningAsync(id, "0151 000000"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("api/v1/auth/login", new { email = "weg@example.org", password = Password })).StatusCode);
    }

    /// <summary>
    /// Scans every column of every table for the account id or the address (as text): the platform's tables and
    /// Hangfire's (on PostgreSQL its schema, on SQLite its own file; hits there start with <c>jobs:</c>).
    /// </summary>
    private async Task<List<string>> RowsMentioningAsync(Guid id, string email)
    {
        var hits = new List<string>();
        await using (var connection = App.OpenConnection())
        {
            await connection.OpenAsync();
            await ScanAsync(connection, await TablesAsync(connection), id, email, hits, "");
        }

        if (App.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(App.ConnectionString).DataSource;
            await using var jobs = new SqliteConnection($"Data Source={Path.ChangeExtension(file, ".jobs.db")}");
            await jobs.OpenAsync();
            await ScanAsync(jobs, await TablesAsync(jobs), id, email, hits, "jobs:");
        }

        return hits;
    }

    private static async Task ScanAsync(DbConnection connection, List<string> tables, Guid id, string email, List<string> hits, string prefix)
    {
        foreach (var entry in tables)
        {
            var (label, table) = entry.StartsWith("jobs:", StringComparison.Ordinal) ? (entry, entry[5..]) : (prefix + entry, entry);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
                    if (value.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase) || value.Contains(email, StringComparison.OrdinalIgnoreCase))
                    {
                        hits.Add($"{label}.{reader.GetName(i)}");
                    }
                }
            }
        }
    }

    private async Task<List<string>> TablesAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = App.Provider == DatabaseProvider.PostgreSql
            ? "SELECT (CASE WHEN table_schema = 'hangfire' THEN 'jobs:' ELSE '' END) || format('%I.%I', table_schema, table_name) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'"
            : "SELECT '\"' || name || '\"' FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}

public sealed class SqliteMyDataTests(SqliteApp app) : MyDataTests<SqliteApp>(app);

public sealed class PostgresMyDataTests(PostgresApp app) : MyDataTests<PostgresApp>(app);
