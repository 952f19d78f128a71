using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mediator;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Accounts;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Application.Reminders;
using Platform.Domain.Posts;
using Platform.Domain.Reminders;
using Platform.Infrastructure.Jobs;
using Platform.TestSupport;

namespace Platform.Api.Tests.Reminders;

/// <summary>
/// Reminders end to end: set through the API, made due, delivered by the real engine (and Hangfire's own run of it at
/// the same time) to the notification centre and over real SMTP to the app's sink.
/// </summary>
public abstract class ReminderDeliveryTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string Password = "Ein langer Satz als Passwort";

    [Fact]
    public async Task A_due_reminder_arrives_once_in_app_and_once_by_email_even_when_the_engine_runs_twice_at_once()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, "erinnert@example.org", Password, "Erin", confirmedAtLeast16: true);
        await SetEmailAsync(client, token, true);
        var reminder = await CreateReminderAsync(client, token, email: true);
        Assert.Equal(2, reminder.GetProperty("pendingDeliveries").GetInt32());

        await Outbox.MakeDueAsync(App, "gross-gerau", DateTime.UtcNow);
        var job = App.Services.GetRequiredService<DeliverNotificationsJob>();
        await Task.WhenAll(job.DeliverDueAsync(CancellationToken.None), job.DeliverDueAsync(CancellationToken.None));
        var mail = await App.Mail.WaitForMessageToAsync("erinnert@example.org", count: 2);
        await job.DeliverDueAsync(CancellationToken.None);

        Assert.Contains("Weiterbewilligungsantrag", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("http://gross-gerau.localhost/abmelden-benachrichtigung?token=", mail.Text, StringComparison.Ordinal);
        Assert.StartsWith("<http", mail.Message.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Single(App.Mail.To("erinnert@example.org"), m => m.Subject.Contains("Erinnerung", StringComparison.Ordinal));
        var center = await GetJsonAsync(client, token, "api/v1/notifications");
        var item = Assert.Single(center.GetProperty("items").EnumerateArray());
        Assert.Equal(1, center.GetProperty("unread").GetInt32());
        Assert.Contains("Weiterbewilligungsantrag", item.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await PendingAsync("gross-gerau"));

        using var read = await SendAsync(client, HttpMethod.Post, $"api/v1/notifications/{item.GetProperty("id").GetGuid()}/read", token);
        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        Assert.Equal(0, (await GetJsonAsync(client, token, "api/v1/notifications")).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task The_header_shows_a_signed_in_person_the_unread_count_until_the_notification_is_read()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, "zaehler@example.org", Password, "Zoe", confirmedAtLeast16: true);
        await CreateReminderAsync(client, token, email: false);
        using var browser = App.CreateTenantClient("gross-gerau");
        using (var login = await browser.PostAsJsonAsync("api/v1/auth/login?useCookies=true", new { email = "zaehler@example.org", password = Password }))
        {
            Assert.True(login.IsSuccessStatusCode);
        }

        Assert.DoesNotContain("class=\"badge\"", await HeaderAsync(browser), StringComparison.Ordinal);

        await Outbox.MakeDueAsync(App, "gross-gerau", DateTime.UtcNow);
        await App.Services.GetRequiredService<DeliverNotificationsJob>().DeliverDueAsync(CancellationToken.None);

        var header = await HeaderAsync(browser);
        Assert.Contains("<span class=\"badge\" aria-hidden=\"true\">1</span>", header, StringComparison.Ordinal);
        Assert.Contains("<span class=\"visually-hidden\">1 ungelesene Benachrichtigungen</span>", header, StringComparison.Ordinal);
        Assert.Contains("href=\"benachrichtigungen\"", header, StringComparison.Ordinal);
        using var anonymous = App.CreateTenantClient("gross-gerau");
        Assert.DoesNotContain("class=\"badge\"", await anonymous.GetStringAsync(new Uri("", UriKind.Relative)), StringComparison.Ordinal);

        var item = (await GetJsonAsync(client, token, "api/v1/notifications")).GetProperty("items")[0];
        using var read = await SendAsync(client, HttpMethod.Post, $"api/v1/notifications/{item.GetProperty("id").GetGuid()}/read", token);
        Assert.DoesNotContain("class=\"badge\"", await HeaderAsync(browser), StringComparison.Ordinal);
    }

    /// <summary>The site header of the start page as the signed-in browser <paramref name="client"/> gets it.</summary>
    private static async Task<string> HeaderAsync(HttpClient client)
    {
        var html = await client.GetStringAsync(new Uri("", UriKind.Relative));
        var start = html.IndexOf("<header", StringComparison.Ordinal);
        return html[start..html.IndexOf("</header>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task The_unsubscribe_link_withdraws_the_consent_and_no_further_reminder_email_is_sent()
    {
        using var client = App.CreateTenantClient("offenbach");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, "abmelden@example.org", Password, "Abi", confirmedAtLeast16: true);
        await SetEmailAsync(client, token, true);
        await CreateReminderAsync(client, token, email: true);
        await Outbox.MakeDueAsync(App, "offenbach", DateTime.UtcNow);
        var job = App.Services.GetRequiredService<DeliverNotificationsJob>();
        await job.DeliverDueAsync(CancellationToken.None);
        var mail = await App.Mail.WaitForMessageToAsync("abmelden@example.org", count: 2);
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(mail.Text, @"https?://\S+/abmelden-benachrichtigung\?token=\S+").Value);
        var unsubscribeToken = QueryHelpers.ParseQuery(link.Query)["token"].ToString();

        // Without sign-in, one tap on the page's button; a second click changes nothing.
        using var anonymous = App.CreateTenantClient("offenbach");
        var pagePath = link.PathAndQuery;
        var page = await anonymous.GetStringAsync(pagePath);
        var antiforgery = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"").Groups["token"].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "abbestellen",
            ["__RequestVerificationToken"] = antiforgery,
            ["Confirm.Token"] = unsubscribeToken,
        });
        using var first = await anonymous.PostAsync(pagePath, form);
        Assert.Contains("keine Erinnerungen per E-Mail mehr", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("schon abbestellt", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var second = await anonymous.PostAsJsonAsync("api/v1/notifications/unsubscribe", new { token = unsubscribeToken });
        using var otherTenant = App.CreateTenantClient("gross-gerau");
        using var elsewhere = await otherTenant.PostAsJsonAsync("api/v1/notifications/unsubscribe", new { token = unsubscribeToken });

        Assert.False((await ReadJsonAsync(second)).GetProperty("changed").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        var settings = await GetJsonAsync(client, token, "api/v1/notifications/settings");
        Assert.Equal(["email:reminder"], settings.GetProperty("unsubscribed").EnumerateArray().Select(u => u.GetString()));

        await CreateReminderAsync(client, token, email: true);
        await Outbox.MakeDueAsync(App, "offenbach", DateTime.UtcNow);
        await job.DeliverDueAsync(CancellationToken.None);
        Assert.Equal(2, (await GetJsonAsync(client, token, "api/v1/notifications")).GetProperty("items").GetArrayLength());
        Assert.Single(App.Mail.To("abmelden@example.org"), m => m.Subject.Contains("Erinnerung", StringComparison.Ordinal));

        var export = await GetJsonAsync(client, token, "api/v1/me/data");
        var withdrawn = export.GetProperty("consents").EnumerateArray().Last();
        Assert.Equal(ConsentRecord.PurposeOf(NotificationChannel.Email, NotificationKind.Reminder), withdrawn.GetProperty("purpose").GetString());
        Assert.False(withdrawn.GetProperty("given").GetBoolean());
    }

    [Fact]
    public async Task Opening_the_link_changes_nothing_and_the_mail_clients_one_click_button_unsubscribes()
    {
        using var client = App.CreateTenantClient("offenbach");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, "einklick@example.org", Password, "Eki", confirmedAtLeast16: true);
        await SetEmailAsync(client, token, true);
        await CreateReminderAsync(client, token, email: true);
        await Outbox.MakeDueAsync(App, "offenbach", DateTime.UtcNow);
        await App.Services.GetRequiredService<DeliverNotificationsJob>().DeliverDueAsync(CancellationToken.None);
        var mail = await App.Mail.WaitForMessageToAsync("einklick@example.org", count: 2);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Message.Headers["List-Unsubscribe-Post"]);
        var header = mail.Message.Headers["List-Unsubscribe"] ?? "";
        var oneClick = new Uri(header.Trim('<', '>'));
        Assert.StartsWith("http://offenbach.localhost/api/v1/notifications/unsubscribe/one-click?token=", oneClick.AbsoluteUri, StringComparison.Ordinal);

        // A link scanner opening the page from the text: the page asks, nothing is withdrawn.
        var page = new Uri(System.Text.RegularExpressions.Regex.Match(mail.Text, @"https?://\S+/abmelden-benachrichtigung\?token=\S+").Value);
        using var anonymous = App.CreateTenantClient("offenbach");
        var html = await anonymous.GetStringAsync(page.PathAndQuery);
        Assert.Contains("Jetzt abbestellen", html, StringComparison.Ordinal);
        Assert.True((await GetJsonAsync(client, token, "api/v1/notifications/settings")).GetProperty("email").GetBoolean());

        // The mail client posts the RFC 8058 body to the header's address, without cookies or antiforgery token.
        using var body = new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]);
        using var posted = await anonymous.PostAsync(oneClick.PathAndQuery, body);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.True((await ReadJsonAsync(posted)).GetProperty("changed").GetBoolean());
        Assert.Equal(["email:reminder"], (await GetJsonAsync(client, token, "api/v1/notifications/settings")).GetProperty("unsubscribed").EnumerateArray().Select(u => u.GetString()));

        using var broken = await anonymous.PostAsync("api/v1/notifications/unsubscribe/one-click", null);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Under_16_nobody_gets_email_or_push()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, "jung@example.org", Password, "Jun", confirmedAtLeast16: false);

        using var refused = await SendAsync(client, HttpMethod.Put, "api/v1/notifications/settings", token, new { email = true, push = true, quietStart = "22:00", quietEnd = "07:00" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.False((await GetJsonAsync(client, token, "api/v1/notifications/settings")).GetProperty("mayUseEmailAndPush").GetBoolean());

        await CreateReminderAsync(client, token, email: true, push: true);
        await Outbox.MakeDueAsync(App, "gross-gerau", DateTime.UtcNow);
        await App.Services.GetRequiredService<DeliverNotificationsJob>().DeliverDueAsync(CancellationToken.None);

        Assert.Single((await GetJsonAsync(client, token, "api/v1/notifications")).GetProperty("items").EnumerateArray());
        Assert.DoesNotContain(App.Mail.To("jung@example.org"), m => m.Subject.Contains("Erinnerung", StringComparison.Ordinal));
        Assert.Equal(0, await PendingAsync("gross-gerau"));
    }

    [Fact]
    public async Task Another_jobcenter_sees_nothing_of_a_persons_reminders_and_notifications()
    {
        using var home = App.CreateTenantClient("gross-gerau");
        var token = await AccountMail.RegisterConfirmedAsync(App, home, "heimat@example.org", Password, "Hei", confirmedAtLeast16: true);
        var reminder = await CreateReminderAsync(home, token);
        await Outbox.MakeDueAsync(App, "gross-gerau", DateTime.UtcNow);
        await App.Services.GetRequiredService<DeliverNotificationsJob>().DeliverDueAsync(CancellationToken.None);

        using var other = App.CreateTenantClient("offenbach");
        var young = await SignInAsync(other, "jana@offenbach.example");
        var staff = await SignInAsync(other, "admin@offenbach.example");

        Assert.Empty((await GetJsonAsync(other, young, "api/v1/reminders")).EnumerateArray());
        Assert.Empty((await GetJsonAsync(other, young, "api/v1/notifications")).GetProperty("items").EnumerateArray());
        using var delete = await SendAsync(other, HttpMethod.Delete, $"api/v1/reminders/{reminder.GetProperty("id").GetGuid()}", young);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        using var staffElsewhere = await SendAsync(home, HttpMethod.Get, "api/v1/reminders", staff);
        Assert.Equal(HttpStatusCode.Forbidden, staffElsewhere.StatusCode);
        using var tokenElsewhere = await SendAsync(other, HttpMethod.Get, "api/v1/notifications", token);
        Assert.Equal(HttpStatusCode.Forbidden, tokenElsewhere.StatusCode);
        Assert.Single((await GetJsonAsync(home, token, "api/v1/reminders")).EnumerateArray());
    }

    [Fact]
    public async Task Bad_reminders_are_refused_naming_the_field()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, "jana@gross-gerau.example");

        using var past = await SendAsync(client, HttpMethod.Post, "api/v1/reminders", token, new { kind = "JobcenterAppointment", dueAt = "2020-01-01T10:00", leadTimeMinutes = new[] { 120 } });
        using var lead = await SendAsync(client, HttpMethod.Post, "api/v1/reminders", token, new { kind = "JobcenterAppointment", dueAt = Future(), leadTimeMinutes = new[] { 5 } });
        using var anonymous = await client.PostAsJsonAsync("api/v1/reminders", new { kind = "JobcenterAppointment", dueAt = Future(), leadTimeMinutes = new[] { 120 } });
        // In three days, "7 days before" has passed: refused with the reason, not stored as a reminder that never comes.
        var before = (await GetJsonAsync(client, token, "api/v1/reminders")).GetArrayLength();
        using var passed = await SendAsync(client, HttpMethod.Post, "api/v1/reminders", token, new { kind = "JobcenterAppointment", dueAt = Future(), leadTimeMinutes = new[] { 10080, 120 } });

        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("dueAt", await past.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, lead.StatusCode);
        Assert.Contains("leadTimeMinutes", await lead.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, passed.StatusCode);
        var problem = await passed.Content.ReadAsStringAsync();
        Assert.Contains("leadTimeMinutes", problem, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("7 Tage vorher", problem, StringComparison.Ordinal);
        Assert.Equal(before, (await GetJsonAsync(client, token, "api/v1/reminders")).GetArrayLength());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_new_post_in_a_followed_topic_notifies_each_follower_once()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, "jana@gross-gerau.example");
        using var follow = await SendAsync(client, HttpMethod.Put, "api/v1/notifications/settings", token,
            new { email = false, push = false, quietStart = "22:00", quietEnd = "07:00", followedTopics = new[] { "Geld" } });
        Assert.Equal(HttpStatusCode.OK, follow.StatusCode);

        var postId = await App.InTenantAsync("gross-gerau", async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var post = Post.CreateDraft(
                sp.GetRequiredService<ICurrentTenant>().RequiredId, "Neu: Heizkosten", "Kurz", "Text", Topics.Geld, DateTime.UtcNow);
            post.Schedule(DateTime.UtcNow.AddMinutes(1), PostActor.System, DateTime.UtcNow, fourEyesRule: false);
            db.Posts.Add(post);

            // Already due (as if its minute had passed): the domain refuses to schedule into the past.
            ((DbContext)db).Entry(post).Property(p => p.PublishAt).CurrentValue = DateTime.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
            return post.Id;
        });
        await App.InTenantAsync("gross-gerau", async sp =>
        {
            var mediator = sp.GetRequiredService<IMediator>();
            await mediator.Send(new PublishDuePostCommand(postId));

            // The fan-out job is enqueued by the publication; a second run of it adds nothing.
            await mediator.Send(new NotifyFollowersCommand(postId));
            await mediator.Send(new NotifyFollowersCommand(postId));
        });
        var job = App.Services.GetRequiredService<DeliverNotificationsJob>();
        await job.DeliverDueAsync(CancellationToken.None);
        await EventuallyAsync(async () => (await GetJsonAsync(client, token, "api/v1/notifications")).GetProperty("items").GetArrayLength() > 0);
        await job.DeliverDueAsync(CancellationToken.None);

        var item = Assert.Single((await GetJsonAsync(client, token, "api/v1/notifications")).GetProperty("items").EnumerateArray());
        Assert.Equal("Neu: Heizkosten", item.GetProperty("text").GetString());
        var deliveries = await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().ReminderDeliveries.CountAsync(d => d.Key.StartsWith("p:")));
        Assert.Equal(1, deliveries);
    }

    [Fact]
    public async Task Unsubscribing_from_a_new_post_mail_stops_only_new_post_mails_and_reminders_keep_coming()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, "beides@example.org", Password, "Bea", confirmedAtLeast16: true);
        await FollowGeldByEmailAsync(client, token);
        var job = App.Services.GetRequiredService<DeliverNotificationsJob>();
        await Outbox.PublishInGeldAsync(App, "gross-gerau", "Neu: Kindergeld", DateTime.UtcNow);
        await job.DeliverDueAsync(CancellationToken.None);
        var postMail = await App.Mail.WaitForMessageToAsync("beides@example.org", count: 2);
        Assert.Equal("Neuer Beitrag", postMail.Subject);

        await OneClickAsync(postMail);

        await CreateReminderAsync(client, token, email: true);
        await Outbox.MakeDueAsync(App, "gross-gerau", DateTime.UtcNow);
        await job.DeliverDueAsync(CancellationToken.None);
        var reminderMail = await App.Mail.WaitForMessageToAsync("beides@example.org", count: 3);
        Assert.Contains("Erinnerung", reminderMail.Subject, StringComparison.Ordinal);
        await Outbox.PublishInGeldAsync(App, "gross-gerau", "Neu: Wohngeld", DateTime.UtcNow);
        await job.DeliverDueAsync(CancellationToken.None);
        await EventuallyAsync(async () => (await GetJsonAsync(client, token, "api/v1/notifications")).GetProperty("items").GetArrayLength() == 3);
        Assert.Equal(3, App.Mail.To("beides@example.org").Count);
    }

    [Fact]
    public async Task Unsubscribing_from_a_reminder_mail_stops_only_reminder_mails_and_new_post_mails_keep_coming()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, "andersrum@example.org", Password, "Andi", confirmedAtLeast16: true);
        await FollowGeldByEmailAsync(client, token);
        var job = App.Services.GetRequiredService<DeliverNotificationsJob>();
        await CreateReminderAsync(client, token, email: true);
        await Outbox.MakeDueAsync(App, "gross-gerau", DateTime.UtcNow);
        await job.DeliverDueAsync(CancellationToken.None);
        var reminderMail = await App.Mail.WaitForMessageToAsync("andersrum@example.org", count: 2);
        Assert.Contains("Erinnerung", reminderMail.Subject, StringComparison.Ordinal);

        await OneClickAsync(reminderMail);

        await Outbox.PublishInGeldAsync(App, "gross-gerau", "Neu: Bildungspaket", DateTime.UtcNow);
        await job.DeliverDueAsync(CancellationToken.None);
        Assert.Equal("Neuer Beitrag", (await App.Mail.WaitForMessageToAsync("andersrum@example.org", count: 3)).Subject);
        await CreateReminderAsync(client, token, email: true);
        await Outbox.MakeDueAsync(App, "gross-gerau", DateTime.UtcNow);
        await job.DeliverDueAsync(CancellationToken.None);
        await EventuallyAsync(async () => (await GetJsonAsync(client, token, "api/v1/notifications")).GetProperty("items").GetArrayLength() == 3);
        Assert.Equal(3, App.Mail.To("andersrum@example.org").Count);
    }

    private static async Task FollowGeldByEmailAsync(HttpClient client, string token)
    {
        using var response = await SendAsync(client, HttpMethod.Put, "api/v1/notifications/settings", token,
            new { email = true, push = false, quietStart = "22:00", quietEnd = "07:00", followedTopics = new[] { "Geld" } });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The mail client's own unsubscribe button (RFC 8058) on <paramref name="mail"/>.</summary>
    private async Task OneClickAsync(ReceivedMail mail)
    {
        var address = new Uri((mail.Message.Headers["List-Unsubscribe"] ?? "").Trim('<', '>'));
        using var anonymous = App.CreateTenantClient("gross-gerau");
        using var body = new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]);
        using var posted = await anonymous.PostAsync(address.PathAndQuery, body);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.True((await ReadJsonAsync(posted)).GetProperty("changed").GetBoolean());
    }

    private static string Future() => DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static async Task SetEmailAsync(HttpClient client, string token, bool email)
    {
        using var response = await SendAsync(client, HttpMethod.Put, "api/v1/notifications/settings", token, new { email, push = false, quietStart = "22:00", quietEnd = "07:00" });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> CreateReminderAsync(HttpClient client, string token, bool email = false, bool push = false)
    {
        using var response = await SendAsync(client, HttpMethod.Post, "api/v1/reminders", token, new
        {
            kind = "BenefitRenewal",
            dueAt = Future(),
            leadTimeMinutes = new[] { 1440 },
            email,
            push,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await ReadJsonAsync(response);
    }

    private Task<int> PendingAsync(string slug) =>
        App.InTenantAsync(slug, sp => sp.GetRequiredService<IAppDbContext>().ReminderDeliveries.CountAsync(d => d.Status == DeliveryStatus.Pending));
}

public sealed class SqliteReminderDeliveryTests(SqliteApp app) : ReminderDeliveryTests<SqliteApp>(app);

public sealed class PostgresReminderDeliveryTests(PostgresApp app) : ReminderDeliveryTests<PostgresApp>(app);
