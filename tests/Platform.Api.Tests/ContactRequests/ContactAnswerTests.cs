using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Domain.ContactRequests;
using Platform.Infrastructure.Jobs;
using Platform.TestSupport;
using static Platform.Api.Tests.Posts.EditorialApi;

namespace Platform.Api.Tests.ContactRequests;

/// <summary>
/// The team answers a contact request by e-mail (issue 16), through the real SMTP sink: in the jobcenter's name,
/// replies to the team, threaded under the confirmation, quoting nothing the person wrote; on SQLite and PostgreSQL.
/// </summary>
public abstract class ContactAnswerTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string Inbox = "api/v1/tenant/contact-requests";
    private const string Secret = "Meine Vermieterin will die Kaution doppelt";

    [Fact]
    public async Task Staff_answer_in_the_jobcenters_name_threaded_under_the_confirmation_and_quoting_nothing_the_person_wrote()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var address = $"mo-{Guid.NewGuid():N}@example.org";
        var id = await AskAsync(client, new { type = "question", name = "Mo", email = address, message = Secret, consent = true });
        var confirmation = await App.Mail.WaitForMessageToAsync(address);
        Assert.StartsWith($"contact-{id:N}@", confirmation.Message.MessageId, StringComparison.Ordinal);

        var admin = await SignInAsync(client, "admin@gross-gerau.example");
        using (var answered = await SendAsync(client, HttpMethod.Post, $"{Inbox}/{id}/answers", admin, new { text = "Hallo Mo,\n\ndie Kaution zahlst du nur einmal.\n\nDein Team" }))
        {
            Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        }

        var first = await App.Mail.WaitForMessageToAsync(address, count: 2);
        Assert.Equal("Antwort auf deine Nachricht", first.Subject);
        Assert.Equal(confirmation.Message.From.ToString(), first.Message.From.ToString());
        Assert.Equal(confirmation.Message.ReplyTo.ToString(), first.Message.ReplyTo.ToString());
        Assert.NotEmpty(first.Message.ReplyTo);
        Assert.Equal(confirmation.Message.MessageId, first.Message.InReplyTo);
        Assert.Equal(new[] { confirmation.Message.MessageId }, first.Message.References.ToArray());
        Assert.Null(first.Message.Headers["Auto-Submitted"]);
        Assert.Contains("die Kaution zahlst du nur einmal.", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, first.Html, StringComparison.Ordinal);

        // The exchange stays on the request, which is marked answered; the answer is marked sent once it went out.
        var details = await EventuallyAsync(async () =>
        {
            var d = await GetJsonAsync(client, admin, $"{Inbox}/{id}");
            return d.GetProperty("answers")[0].GetProperty("sentAt").ValueKind == JsonValueKind.String ? (object)d : null;
        }, "the answer is marked sent");
        var request = ((JsonElement)details).GetProperty("request");
        Assert.Equal(Secret, request.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.String, request.GetProperty("answeredAt").ValueKind);

        // A second answer refers to the whole thread.
        using (await SendAsync(client, HttpMethod.Post, $"{Inbox}/{id}/answers", admin, new { text = "Noch ein Nachtrag." }))
        {
        }

        var second = await App.Mail.WaitForMessageToAsync(address, count: 3);
        Assert.Equal(new[] { confirmation.Message.MessageId, first.Message.MessageId }, second.Message.References.ToArray());
        Assert.Equal(first.Message.MessageId, second.Message.InReplyTo);
        Assert.Equal(2, (await GetJsonAsync(client, admin, $"{Inbox}/{id}")).GetProperty("answers").GetArrayLength());
    }

    [Fact]
    public async Task An_answer_needs_text_an_address_and_a_request_of_this_jobcenter()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var withMail = await AskAsync(client, new { type = "question", email = $"lea-{Guid.NewGuid():N}@example.org", message = Secret, consent = true });
        var phoneOnly = await AskAsync(client, new { type = "callback", phone = "06152 123456", message = "Bitte ruft mich an", consent = true });
        var admin = await SignInAsync(client, "admin@gross-gerau.example");

        using (var empty = await SendAsync(client, HttpMethod.Post, $"{Inbox}/{withMail}/answers", admin, new { text = " " }))
        {
            await AssertProblemAsync(empty, HttpStatusCode.BadRequest, "text");
        }

        using (var tooLong = await SendAsync(client, HttpMethod.Post, $"{Inbox}/{withMail}/answers", admin, new { text = new string('a', 4001) }))
        {
            await AssertProblemAsync(tooLong, HttpStatusCode.BadRequest, "text");
        }

        using (var noAddress = await SendAsync(client, HttpMethod.Post, $"{Inbox}/{phoneOnly}/answers", admin, new { text = "Wir rufen an." }))
        {
            await AssertProblemAsync(noAddress, HttpStatusCode.Conflict);
        }

        // Another jobcenter's staff neither see nor answer it; a young person is no staff.
        using var other = App.CreateTenantClient("offenbach");
        var otherAdmin = await SignInAsync(other, "admin@offenbach.example");
        using (var foreign = await SendAsync(other, HttpMethod.Post, $"{Inbox}/{withMail}/answers", otherAdmin, new { text = "Hallo" }))
        {
            await AssertProblemAsync(foreign, HttpStatusCode.NotFound);
        }

        using (var peek = await SendAsync(other, HttpMethod.Get, $"{Inbox}/{withMail}", otherAdmin))
        {
            await AssertProblemAsync(peek, HttpStatusCode.NotFound);
        }

        var jana = await SignInAsync(client, "jana@gross-gerau.example");
        using (var young = await SendAsync(client, HttpMethod.Post, $"{Inbox}/{withMail}/answers", jana, new { text = "Hallo" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, young.StatusCode);
        }

        Assert.Empty((await GetJsonAsync(client, admin, $"{Inbox}/{withMail}")).GetProperty("answers").EnumerateArray());
    }

    [Fact]
    public async Task Answers_go_with_their_request_when_staff_delete_it_and_when_its_retention_ends()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var id = await AskAsync(client, new { type = "question", email = $"kim-{Guid.NewGuid():N}@example.org", message = Secret, consent = true });
        var admin = await SignInAsync(client, "admin@gross-gerau.example");
        using (await SendAsync(client, HttpMethod.Post, $"{Inbox}/{id}/answers", admin, new { text = "Antwort" }))
        {
        }

        Assert.Equal(1, await CountAnswersAsync(id));
        using (var deleted = await SendAsync(client, HttpMethod.Delete, $"{Inbox}/{id}", admin))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Equal(0, await CountAnswersAsync(id));

        // A request past its retention period, answered back then: the job deletes both.
        var old = await App.InTenantAsync("gross-gerau", async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var then = DateTime.UtcNow.AddDays(-100);
            var request = ContactRequest.Submit(
                sp.GetRequiredService<ICurrentTenant>().RequiredId, ContactRequestType.Question, "Alt", "alt@example.org", null, Secret, consent: true, then);
            db.ContactRequests.Add(request);
            db.ContactAnswers.Add(ContactAnswer.Write(request, "Alte Antwort", "Team", then));
            await db.SaveChangesAsync();
            return request.Id;
        });
        Assert.Equal(1, await CountAnswersAsync(old));
        await App.Services.GetRequiredService<DeleteExpiredContactRequestsJob>().RunAsync(CancellationToken.None);
        Assert.Equal(0, await CountAnswersAsync(old));
    }

    [Fact]
    public async Task The_inbox_leads_to_the_requests_page_with_its_thread_and_the_answer_form()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var id = await AskAsync(client, new { type = "question", name = "Ali", email = $"ali-{Guid.NewGuid():N}@example.org", message = Secret, consent = true });
        var phoneOnly = await AskAsync(client, new { type = "callback", phone = "06152 654321", message = "Rückruf bitte", consent = true });
        var admin = await SignInAsync(client, "admin@gross-gerau.example");
        using (await SendAsync(client, HttpMethod.Post, $"{Inbox}/{id}/answers", admin, new { text = "Wir kümmern uns." }))
        {
        }

        using var staff = App.CreateTenantClient("gross-gerau");
        await SignInWithCookieAsync(staff, "admin@gross-gerau.example");

        var inbox = await staff.GetStringAsync("verwaltung/anfragen");
        Assert.Contains($"href=\"verwaltung/anfragen/{id}\"", inbox, StringComparison.Ordinal);
        Assert.Contains("Beantwortet", inbox, StringComparison.Ordinal);
        var page = await staff.GetStringAsync($"verwaltung/anfragen/{id}");
        Assert.Contains(Secret, page, StringComparison.Ordinal);
        Assert.Contains("Wir kümmern uns.", page, StringComparison.Ordinal);
        Assert.Contains("name=\"AnswerText\"", page, StringComparison.Ordinal);
        var noMail = await staff.GetStringAsync($"verwaltung/anfragen/{phoneOnly}");
        Assert.Contains("Bitte antworte telefonisch.", noMail, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"AnswerText\"", noMail, StringComparison.Ordinal);

        // Through another jobcenter's address the page does not exist.
        using var offenbach = App.CreateTenantClient("offenbach");
        await SignInWithCookieAsync(offenbach, "admin@offenbach.example");

        using var foreign = await offenbach.GetAsync(new Uri($"verwaltung/anfragen/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    private static async Task<Guid> AskAsync(HttpClient client, object body)
    {
        using var sent = await client.PostAsJsonAsync("api/v1/contact", body);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        return (await ReadJsonAsync(sent)).GetProperty("id").GetGuid();
    }

    private Task<int> CountAnswersAsync(Guid requestId) =>
        App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().ContactAnswers.CountAsync(a => a.ContactRequestId == requestId));
}

public sealed class SqliteContactAnswerTests(SqliteApp app) : ContactAnswerTests<SqliteApp>(app);

public sealed class PostgresContactAnswerTests(PostgresApp app) : ContactAnswerTests<PostgresApp>(app);
