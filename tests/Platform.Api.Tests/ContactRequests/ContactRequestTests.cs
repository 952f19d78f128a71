using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Domain.ContactRequests;
using Platform.Infrastructure.Jobs;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.ContactRequests;

/// <summary>The contact form, the staff inbox and the retention job, on SQLite and PostgreSQL.</summary>
public abstract class ContactRequestTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string Inbox = "api/v1/tenant/contact-requests";

    [Fact]
    public async Task A_question_reaches_the_inbox_of_its_own_jobcenter_only()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        using var sent = await client.PostAsJsonAsync("api/v1/contact", new
        {
            type = "question",
            name = "Mo",
            email = "mo@example.org",
            message = "Wann muss ich den Weiterbewilligungsantrag abgeben?",
            consent = true,
        });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var id = (await ReadJsonAsync(sent)).GetProperty("id").GetGuid();

        var admin = await SignInAsync(client, "admin@gross-gerau.example");
        var editor = await SignInAsync(client, "redaktion@gross-gerau.example");
        var forAdmin = await GetJsonAsync(client, admin, Inbox);
        var forEditor = await GetJsonAsync(client, editor, Inbox);
        var item = forAdmin.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal("question", item.GetProperty("type").GetString());
        Assert.Equal("mo@example.org", item.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("doneAt").ValueKind);
        Assert.Contains(forEditor.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);

        using var other = App.CreateTenantClient("offenbach");
        var otherAdmin = await SignInAsync(other, "admin@offenbach.example");
        var theirs = await GetJsonAsync(other, otherAdmin, Inbox);
        Assert.DoesNotContain(theirs.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        using var done = await SendAsync(other, HttpMethod.Patch, $"{Inbox}/{id}/done", otherAdmin);
        Assert.Equal(HttpStatusCode.NotFound, done.StatusCode);
        using var deleted = await SendAsync(other, HttpMethod.Delete, $"{Inbox}/{id}", otherAdmin);
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        Assert.Contains((await GetJsonAsync(client, admin, Inbox)).EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task The_sender_gets_a_branded_confirmation_mail_that_repeats_nothing_they_typed()
    {
        using var client = App.CreateTenantClient("offenbach");
        using var sent = await client.PostAsJsonAsync("api/v1/contact", new
        {
            type = "callback",
            name = "Spammer <b>",
            email = "lea@example.org",
            phone = "069 1234567",
            message = "Kauf billige Uhren auf example.com",
            consent = true,
        });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.True((await ReadJsonAsync(sent)).GetProperty("confirmationMailed").GetBoolean());

        var mail = await App.Mail.WaitForMessageToAsync("lea@example.org");

        Assert.Equal("Deine Nachricht ist angekommen", mail.Subject);
        Assert.Contains("Rückruf", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Offenbach", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Uhren", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Spammer", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_barrier_can_be_reported_without_any_contact_data_and_no_mail_is_sent()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var sent = await client.PostAsJsonAsync("api/v1/contact", new { type = "barrier", message = "Der Kalender ist mit der Tastatur nicht bedienbar.", consent = true });

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var receipt = await ReadJsonAsync(sent);
        Assert.Equal("barrier", receipt.GetProperty("type").GetString());
        Assert.False(receipt.GetProperty("confirmationMailed").GetBoolean());
        var admin = await SignInAsync(client, "admin@gross-gerau.example");
        Assert.Contains((await GetJsonAsync(client, admin, Inbox)).EnumerateArray(), r => r.GetProperty("type").GetString() == "barrier");
    }

    [Theory]
    [InlineData("""{"type":"question","email":"a@example.org","message":"Hallo","consent":false}""", "consent")]
    [InlineData("""{"type":"question","email":"a@example.org","message":"Hallo"}""", "consent")]
    [InlineData("""{"type":"callback","email":"a@example.org","message":"Bitte anrufen","consent":true}""", "phone")]
    [InlineData("""{"type":"callback","phone":"abc","message":"Bitte anrufen","consent":true}""", "phone")]
    [InlineData("""{"type":"question","message":"Wohin mit meiner Frage?","consent":true}""", "email")]
    [InlineData("""{"type":"question","email":"keine-adresse","message":"Hallo","consent":true}""", "email")]
    [InlineData("""{"type":"question","email":"a@example.org","message":"  ","consent":true}""", "message")]
    [InlineData("""{"type":"spam","email":"a@example.org","message":"Hallo","consent":true}""", "type")]
    [InlineData("""{"email":"a@example.org","message":"Hallo","consent":true}""", "type")]
    [InlineData("""{"type":"barrier","name":"0123456789012345678901234567890123456789012345678901234567890","message":"Hallo","consent":true}""", "name")]
    public async Task Bad_input_is_a_400_naming_the_field(string body, string field)
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.PostAsync(
            new Uri("api/v1/contact", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadJsonAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_message_longer_than_2000_characters_is_a_400_naming_message()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.PostAsJsonAsync("api/v1/contact", new { type = "barrier", message = new string('x', 2001), consent = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ReadJsonAsync(response)).GetProperty("errors").TryGetProperty("message", out _));
    }

    [Fact]
    public async Task The_inbox_is_refused_to_young_people_reviewers_and_anonymous_callers()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var young = await SignInAsync(client, "jana@gross-gerau.example");
        var reviewer = await SignInAsync(client, "pruefung@gross-gerau.example");
        var id = Guid.NewGuid();

        foreach (var token in new[] { young, reviewer })
        {
            using var list = await SendAsync(client, HttpMethod.Get, Inbox, token);
            using var done = await SendAsync(client, HttpMethod.Patch, $"{Inbox}/{id}/done", token);
            using var delete = await SendAsync(client, HttpMethod.Delete, $"{Inbox}/{id}", token);
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, done.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        }

        using var anonymous = await client.GetAsync(new Uri(Inbox, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Staff_mark_a_request_done_and_delete_it()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        using var sent = await client.PostAsJsonAsync("api/v1/contact", new { type = "callback", phone = "06152 12345", message = "Bitte ruft mich an.", consent = true });
        var id = (await ReadJsonAsync(sent)).GetProperty("id").GetGuid();
        var editor = await SignInAsync(client, "redaktion@gross-gerau.example");

        using var done = await SendAsync(client, HttpMethod.Patch, $"{Inbox}/{id}/done", editor);
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        var item = (await GetJsonAsync(client, editor, Inbox)).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        Assert.NotEqual(JsonValueKind.Null, item.GetProperty("doneAt").ValueKind);
        Assert.False(string.IsNullOrEmpty(item.GetProperty("doneBy").GetString()));
        var open = await GetJsonAsync(client, editor, $"{Inbox}?includeDone=false");
        Assert.DoesNotContain(open.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);

        using var deleted = await SendAsync(client, HttpMethod.Delete, $"{Inbox}/{id}", editor);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var again = await SendAsync(client, HttpMethod.Delete, $"{Inbox}/{id}", editor);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task The_retention_job_deletes_exactly_the_requests_older_than_each_tenants_period()
    {
        var now = DateTime.UtcNow;
        await App.InTenantAsync("offenbach", async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var tenantId = sp.GetRequiredService<ICurrentTenant>().RequiredId;
            (await db.Tenants.SingleAsync(t => t.Id == tenantId)).ChangeContactRetention(30);
            await db.SaveChangesAsync();
        });
        var grossGerau = await AddRequestsAsync("gross-gerau", now, 100, 91, 89, 1);
        var offenbach = await AddRequestsAsync("offenbach", now, 91, 31, 29);

        await App.Services.GetRequiredService<DeleteExpiredContactRequestsJob>().RunAsync(CancellationToken.None);

        Assert.Equal([grossGerau[89], grossGerau[1]], await RemainingAsync("gross-gerau"));
        Assert.Equal([offenbach[29]], await RemainingAsync("offenbach"));
    }

    [Fact]
    public async Task The_retention_period_is_a_tenant_setting_between_7_and_365_days()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var admin = await SignInAsync(client, "admin@gross-gerau.example");
        var settings = await GetJsonAsync(client, admin, "api/v1/tenant/settings");
        Assert.Equal(ContactRequest.DefaultRetentionDays, settings.GetProperty("contactRetentionDays").GetInt32());
        var contact = settings.GetProperty("contact");
        var links = settings.GetProperty("links");
        object Body(int days) => new
        {
            phone = contact.GetProperty("phone").GetString(),
            email = contact.GetProperty("email").GetString(),
            address = contact.GetProperty("address").GetString(),
            openingHours = contact.GetProperty("openingHours").GetString(),
            appointmentUrl = contact.GetProperty("appointmentUrl").GetString(),
            onlineApplicationUrl = links.GetProperty("onlineApplicationUrl").GetString(),
            imprintUrl = links.GetProperty("imprintUrl").GetString(),
            privacyUrl = links.GetProperty("privacyUrl").GetString(),
            accessibilityStatement = (string?)null,
            postcodes = settings.GetProperty("postcodes").EnumerateArray().Select(p => p.GetString()).ToList(),
            contactRetentionDays = days,
        };

        using var tooShort = await SendAsync(client, HttpMethod.Put, "api/v1/tenant/contact", admin, Body(6));
        using var tooLong = await SendAsync(client, HttpMethod.Put, "api/v1/tenant/contact", admin, Body(366));
        using var fine = await SendAsync(client, HttpMethod.Put, "api/v1/tenant/contact", admin, Body(30));

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.True((await ReadJsonAsync(tooShort)).GetProperty("errors").TryGetProperty("contactRetentionDays", out _));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, fine.StatusCode);
        Assert.Equal(30, (await GetJsonAsync(client, admin, "api/v1/tenant/settings")).GetProperty("contactRetentionDays").GetInt32());
    }

    private async Task<Dictionary<int, Guid>> AddRequestsAsync(string slug, DateTime now, params int[] daysAgo) =>
        await App.InTenantAsync(slug, async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var tenantId = sp.GetRequiredService<ICurrentTenant>().RequiredId;
            var ids = new Dictionary<int, Guid>();
            foreach (var days in daysAgo)
            {
                var request = ContactRequest.Submit(tenantId, ContactRequestType.Barrier, null, null, null, $"{days} Tage alt", consent: true, now.AddDays(-days));
                db.ContactRequests.Add(request);
                ids[days] = request.Id;
            }

            await db.SaveChangesAsync();
            return ids;
        });

    private async Task<List<Guid>> RemainingAsync(string slug) =>
        await App.InTenantAsync(slug, async sp => await sp.GetRequiredService<IAppDbContext>().ContactRequests
            .OrderBy(r => r.CreatedAt).Select(r => r.Id).ToListAsync());
}

public sealed class SqliteContactRequestTests(SqliteApp app) : ContactRequestTests<SqliteApp>(app);

public sealed class PostgresContactRequestTests(PostgresApp app) : ContactRequestTests<PostgresApp>(app);

/// <summary>The host with a contact limit of 2 per minute, so the limit is reached quickly.</summary>
public sealed class StrictContactLimitApp() : PlatformApp(DatabaseProvider.Sqlite)
{
    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting("Platform:RateLimits:ContactPerMinute", "2");
}

public sealed class ContactRateLimitTests(StrictContactLimitApp app) : ApiTestBase<StrictContactLimitApp>(app)
{
    [Fact]
    public async Task Too_many_contact_requests_are_429_and_other_tenants_are_not_affected()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        for (var i = 0; i < 2; i++)
        {
            using var ok = await client.PostAsJsonAsync("api/v1/contact", new { type = "barrier", message = "Test", consent = true });
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        using var limited = await client.PostAsJsonAsync("api/v1/contact", new { type = "barrier", message = "Test", consent = true });
        using var other = App.CreateTenantClient("offenbach");
        using var elsewhere = await other.PostAsJsonAsync("api/v1/contact", new { type = "barrier", message = "Test", consent = true });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
    }
}

public sealed partial class ContactFormPageRateLimitTests(StrictContactLimitApp app) : ApiTestBase<StrictContactLimitApp>(app)
{
    [Fact]
    public async Task Reading_the_contact_page_is_never_limited_but_sending_its_form_is()
    {
        using var client = App.CreateTenantClient("offenbach");
        string page = "";
        for (var i = 0; i < 4; i++)
        {
            page = await client.GetStringAsync(new Uri("kontakt", UriKind.Relative));
        }

        var token = Token().Match(page).Groups["token"].Value;
        Assert.False(string.IsNullOrEmpty(token), page);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "kontakt",
                ["__RequestVerificationToken"] = token,
                ["Input.Type"] = "callback",
                ["Input.Phone"] = "069 1234567",
                ["Input.Message"] = "Bitte ruft mich an.",
                ["Input.Consent"] = "true",
            });
            using var response = await client.PostAsync(new Uri("kontakt", UriKind.Relative), form);
            statuses.Add(response.StatusCode);
            if (i == 0)
            {
                Assert.Contains("Deine Nachricht ist angekommen", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex Token();
}
