using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Infrastructure.Jobs;
using Platform.TestSupport;
using static Platform.Api.Tests.Posts.EditorialApi;

namespace Platform.Api.Tests.Reminders;

/// <summary>
/// Alerts for a jobcenter's staff about their work (issue 16), through the real delivery engine and SMTP sink:
/// reviewers hear of a post sent to review, its author of the decision, the inbox's staff of a new contact request
/// (without its text); in the app always, by e-mail as each chose; never anyone of another jobcenter.
/// </summary>
public abstract class StaffAlertTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string Secret = "Ich brauche Hilfe mit der Nebenkostenabrechnung";

    [Fact]
    public async Task Reviewers_hear_of_a_post_sent_to_review_and_its_author_of_the_decision()
    {
        using var gg = App.CreateTenantClient("gross-gerau");
        var editor = await SignInAsync(gg, "redaktion@gross-gerau.example");
        var reviewer = await SignInWithSecondFactorAsync(App, gg, "gross-gerau", "pruefung@gross-gerau.example");
        await SettingsAsync(gg, reviewer, email: true);
        await SettingsAsync(gg, editor, email: true);
        using var of = App.CreateTenantClient("offenbach");
        var otherReviewer = await SignInAsync(of, "pruefung@offenbach.example");
        App.Mail.Clear();

        var title = $"Wohngeld beantragen {Guid.NewGuid():N}"[..30];
        var id = await CreateAsync(gg, editor, title);
        await StepOkAsync(gg, editor, id, "submit");
        await DeliverAllAsync();

        var toReviewer = await App.Mail.WaitForMessageToAsync("pruefung@gross-gerau.example");
        Assert.Equal("Ein Beitrag wartet auf deine Prüfung", toReviewer.Subject);
        Assert.Contains(title, toReviewer.Text, StringComparison.Ordinal);
        Assert.Contains($"/redaktion/beitraege/{id}", toReviewer.Text, StringComparison.Ordinal);
        Assert.Contains(await InAppAsync(gg, reviewer), n => n.GetProperty("text").GetString() == title);
        Assert.Contains(await InAppAsync(gg, await SignInAsync(gg, "admin@gross-gerau.example")), n => n.GetProperty("text").GetString() == title);
        Assert.DoesNotContain(await InAppAsync(gg, editor), n => n.GetProperty("text").GetString() == title);
        Assert.DoesNotContain(await InAppAsync(of, otherReviewer), n => n.GetProperty("text").GetString() == title);
        Assert.Empty(App.Mail.To("redaktion@gross-gerau.example"));

        // Sent back with a comment: the author hears it with the comment; approved after the fix: the author hears that.
        await StepOkAsync(gg, reviewer, id, "return", new { comment = "Bitte die Frist ergänzen." });
        await DeliverAllAsync();
        var returned = await App.Mail.WaitForMessageToAsync("redaktion@gross-gerau.example");
        Assert.Equal("Dein Beitrag ist zurückgekommen", returned.Subject);
        Assert.Contains("Bitte die Frist ergänzen.", returned.Text, StringComparison.Ordinal);

        await StepOkAsync(gg, editor, id, "submit");
        await StepOkAsync(gg, reviewer, id, "approve");
        await DeliverAllAsync();
        var approved = await App.Mail.WaitForMessageToAsync("redaktion@gross-gerau.example", count: 2);
        Assert.Equal("Dein Beitrag ist freigegeben", approved.Subject);

        // The second submission is a new occasion: the reviewer heard of it again.
        await App.Mail.WaitForMessageToAsync("pruefung@gross-gerau.example", count: 2);
    }

    [Fact]
    public async Task The_inbox_staff_hear_of_a_new_request_without_its_text_and_choose_per_kind()
    {
        using var gg = App.CreateTenantClient("gross-gerau");
        var admin = await SignInAsync(gg, "admin@gross-gerau.example");
        var editor = await SignInAsync(gg, "redaktion@gross-gerau.example");
        await SettingsAsync(gg, admin, email: true);
        await SettingsAsync(gg, editor, email: true, unsubscribed: ["email:contact-request"]);
        var jana = await SignInAsync(gg, "jana@gross-gerau.example");
        using var of = App.CreateTenantClient("offenbach");
        var otherAdmin = await SignInAsync(of, "admin@offenbach.example");
        App.Mail.Clear();

        using (var sent = await gg.PostAsJsonAsync("api/v1/contact", new { type = "callback", phone = "06152 111222", message = Secret, consent = true }))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        await DeliverAllAsync();
        var mail = await App.Mail.WaitForMessageToAsync("admin@gross-gerau.example");
        Assert.Equal("Neuer Rückrufwunsch über das Kontaktformular", mail.Subject);
        Assert.DoesNotContain(Secret, mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("06152 111222", mail.Text, StringComparison.Ordinal);
        Assert.Contains("/verwaltung/anfragen/", mail.Text, StringComparison.Ordinal);

        // The editor stopped these e-mails and sees the alert in the app only; a young person and Offenbach see nothing.
        Assert.Contains(await InAppAsync(gg, editor), n => n.GetProperty("title").GetString() == "Neuer Rückrufwunsch über das Kontaktformular");
        Assert.Empty(App.Mail.To("redaktion@gross-gerau.example"));
        Assert.DoesNotContain(await InAppAsync(gg, jana), n => n.GetProperty("title").GetString() == "Neuer Rückrufwunsch über das Kontaktformular");
        Assert.DoesNotContain(await InAppAsync(of, otherAdmin), n => n.GetProperty("title").GetString() == "Neuer Rückrufwunsch über das Kontaktformular");
        Assert.All((await InAppAsync(gg, admin)).Select(n => n.GetProperty("text").GetString()), text => Assert.DoesNotContain(Secret, text!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_choose_their_alerts_on_the_notifications_page_and_young_people_do_not_see_that_part()
    {
        using var staff = App.CreateTenantClient("gross-gerau");
        await SignInWithCookieAsync(staff, "admin@gross-gerau.example");

        var page = await staff.GetStringAsync("benachrichtigungen");
        Assert.Contains("Hinweise für das Team", page, StringComparison.Ordinal);
        Assert.Contains("value=\"email:review-requested\" checked", page, StringComparison.Ordinal);
        Assert.Contains("value=\"push:publication-failed\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"email:publication-failed\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"staff-digest\"", page, StringComparison.Ordinal);

        using var young = App.CreateTenantClient("gross-gerau");
        await SignInWithCookieAsync(young, "jana@gross-gerau.example");

        Assert.DoesNotContain("Hinweise für das Team", await young.GetStringAsync("benachrichtigungen"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_jobcenter_that_adopted_a_library_item_hears_of_its_new_version_and_nobody_else_does()
    {
        using var gg = App.CreateTenantClient("gross-gerau");
        using var of = App.CreateTenantClient("offenbach");
        var network = await SignInWithSecondFactorAsync(App, gg, "gross-gerau", "netzwerk@gross-gerau.example");
        var otherNetwork = await SignInWithSecondFactorAsync(App, of, "offenbach", "netzwerk@offenbach.example");
        var editorOf = await SignInAsync(of, "redaktion@offenbach.example");
        await SettingsAsync(of, editorOf, email: true);
        App.Mail.Clear();

        var item = await JsonAsync(gg, HttpMethod.Post, "api/v1/library", network, new { title = "Ausbildung finden", summary = "Für alle", bodyMarkdown = "Tipps", topics = new[] { "Ausbildung" } });
        var id = item.GetProperty("id").GetGuid();
        await JsonAsync(gg, HttpMethod.Post, $"api/v1/library/{id}/submit", network);
        await JsonAsync(of, HttpMethod.Post, $"api/v1/library/{id}/approve", otherNetwork);
        var adoption = (await JsonAsync(of, HttpMethod.Post, $"api/v1/library/{id}/adopt", editorOf, new { })).GetProperty("adoptionId").GetGuid();

        await JsonAsync(gg, HttpMethod.Put, $"api/v1/library/{id}", network, new { baseVersion = 1, title = "Ausbildung finden 2027", summary = "Für alle", bodyMarkdown = "Neue Tipps", topics = new[] { "Ausbildung" } });
        await JsonAsync(gg, HttpMethod.Post, $"api/v1/library/{id}/submit", network);
        await JsonAsync(of, HttpMethod.Post, $"api/v1/library/{id}/approve", otherNetwork);

        // The job runs as each jobcenter; Offenbach's editor hears of it, by e-mail too, with the way to the adoption.
        var link = await EventuallyAsync(
            async () => (await InAppAsync(of, editorOf)).Where(n => n.GetProperty("title").GetString() == "Neue Fassung in der Bibliothek")
                .Select(n => n.GetProperty("link").GetString()).FirstOrDefault(),
            "the library update alert");
        Assert.Equal($"/redaktion/bibliothek/uebernahmen/{adoption}", link);
        await DeliverAllAsync();
        var mail = await App.Mail.WaitForMessageToAsync("redaktion@offenbach.example");
        Assert.Equal("Neue Fassung in der Bibliothek", mail.Subject);

        // Gross-Gerau did not adopt it, and Offenbach's reviewer is not among those who take updates over.
        var editorGg = await SignInAsync(gg, "redaktion@gross-gerau.example");
        Assert.DoesNotContain(await InAppAsync(gg, editorGg), n => n.GetProperty("title").GetString() == "Neue Fassung in der Bibliothek");
        var reviewerOf = await SignInAsync(of, "pruefung@offenbach.example");
        Assert.DoesNotContain(await InAppAsync(of, reviewerOf), n => n.GetProperty("title").GetString() == "Neue Fassung in der Bibliothek");
    }

    [Fact]
    public async Task An_alert_still_waiting_reaches_nobody_who_lost_the_role_it_was_for()
    {
        using var gg = App.CreateTenantClient("gross-gerau");
        var admin = await SignInAsync(gg, "admin@gross-gerau.example");
        var editor = await SignInAsync(gg, "redaktion@gross-gerau.example");
        await SettingsAsync(gg, editor, email: true);
        var staff = await JsonAsync(gg, HttpMethod.Get, "api/v1/tenant/staff", admin);
        var editorId = staff.EnumerateArray().Single(m => m.GetProperty("email").GetString() == "redaktion@gross-gerau.example").GetProperty("id").GetGuid();
        App.Mail.Clear();

        using (var sent = await gg.PostAsJsonAsync("api/v1/contact", new { type = "question", email = "frage@example.org", message = Secret, consent = true }))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        // The alert waits in the outbox; meanwhile the editor becomes a reviewer, who does not look after the inbox.
        using (var changed = await SendAsync(gg, HttpMethod.Put, $"api/v1/tenant/staff/{editorId}/role", admin, new { role = "Reviewer" }))
        {
            Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
        }

        await DeliverAllAsync();
        Assert.Contains(await InAppAsync(gg, admin), n => n.GetProperty("title").GetString() == "Neue Frage über das Kontaktformular");
        Assert.Empty(App.Mail.To("redaktion@gross-gerau.example"));
        var theirs = await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().Notifications.AsNoTracking()
            .Where(n => n.UserId == editorId).Select(n => n.Title).ToListAsync());
        Assert.DoesNotContain("Neue Frage über das Kontaktformular", theirs);
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, HttpMethod method, string url, string token, object? body = null)
    {
        using var response = await SendAsync(client, method, url, token, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Who_chose_the_daily_digest_gets_the_days_alerts_in_one_e_mail_and_the_others_one_by_one()
    {
        using var gg = App.CreateTenantClient("gross-gerau");
        var admin = await SignInAsync(gg, "admin@gross-gerau.example");
        var editor = await SignInAsync(gg, "redaktion@gross-gerau.example");
        await SettingsAsync(gg, admin, email: true);
        await SettingsAsync(gg, editor, email: true, staffDigest: true);
        Assert.True((await GetJsonAsync(gg, editor, "api/v1/notifications/settings")).GetProperty("staffDigest").GetBoolean());
        App.Mail.Clear();

        foreach (var type in new[] { "question", "callback" })
        {
            using var sent = await gg.PostAsJsonAsync("api/v1/contact", new { type, email = "frage@example.org", phone = "06152 111222", message = Secret, consent = true });
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        await DeliverAllAsync();
        await App.Mail.WaitForMessageToAsync("admin@gross-gerau.example", count: 2);
        Assert.Empty(App.Mail.To("redaktion@gross-gerau.example"));
        Assert.Equal(2, (await InAppAsync(gg, editor)).Count(n => n.GetProperty("title").GetString()!.StartsWith("Neue", StringComparison.Ordinal)));

        // The digest's hour: one e-mail with both, and a second run the same day sends nothing more.
        var digests = App.Services.GetRequiredService<SendStaffDigestsJob>();
        await digests.QueueAsync(CancellationToken.None);
        await DeliverAllAsync();
        var digest = await App.Mail.WaitForMessageToAsync("redaktion@gross-gerau.example");
        Assert.Equal("Deine Hinweise der letzten 24 Stunden", digest.Subject);
        Assert.Contains("2 Hinweise: Neue Frage über das Kontaktformular; Neuer Rückrufwunsch über das Kontaktformular", digest.Text, StringComparison.Ordinal);
        Assert.Contains("/benachrichtigungen", digest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, digest.Text, StringComparison.Ordinal);

        await digests.QueueAsync(CancellationToken.None);
        await DeliverAllAsync();
        Assert.Single(App.Mail.To("redaktion@gross-gerau.example"));
        Assert.Equal(2, App.Mail.To("admin@gross-gerau.example").Count);
    }

    private static async Task SettingsAsync(HttpClient client, string token, bool email, string[]? unsubscribed = null, bool staffDigest = false)
    {
        using var response = await SendAsync(client, HttpMethod.Put, "api/v1/notifications/settings", token,
            new { email, push = false, quietStart = "22:00", quietEnd = "07:00", followedTopics = Array.Empty<string>(), unsubscribed = unsubscribed ?? [], staffDigest });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<IReadOnlyList<JsonElement>> InAppAsync(HttpClient client, string token) =>
        [.. (await GetJsonAsync(client, token, "api/v1/notifications")).GetProperty("items").EnumerateArray()];

    private async Task DeliverAllAsync()
    {
        foreach (var slug in new[] { "gross-gerau", "offenbach" })
        {
            await Outbox.MakeDueAsync(App, slug, DateTime.UtcNow);
        }

        await App.Services.GetRequiredService<DeliverNotificationsJob>().DeliverDueAsync(CancellationToken.None);
    }
}

public sealed class SqliteStaffAlertTests(SqliteApp app) : StaffAlertTests<SqliteApp>(app);

public sealed class PostgresStaffAlertTests(PostgresApp app) : StaffAlertTests<PostgresApp>(app);
