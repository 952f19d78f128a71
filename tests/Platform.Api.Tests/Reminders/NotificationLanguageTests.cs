using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Accounts;
using Platform.Application.Resources;
using Platform.Domain.Common;
using Platform.Domain.Reminders;
using Platform.Infrastructure.Jobs;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Reminders;

/// <summary>
/// What the platform sends a young person is in the language they chose (issue 14): a reminder in the language it was
/// set in, a new post in the follower's account language or the anonymous subscription's, the contact confirmation in
/// the language of the page the person wrote on; e-mails of right-to-left languages are right to left.
/// </summary>
public abstract class NotificationLanguageTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    internal const string Password = "Ein langer Satz als Passwort";

    [Fact]
    public void Every_language_words_every_reminder_kind_lead_time_and_unsubscribe_note()
    {
        foreach (var language in EmailText.Languages)
        {
            var wording = NotificationTexts.For(language);
            var culture = EmailText.Culture(language);
            Assert.Equal(language, wording.Language);
            Assert.All(Enum.GetValues<ReminderKind>(), kind => Assert.False(wording.ReminderKinds[kind].StartsWith("Notify.", StringComparison.Ordinal)));
            Assert.All(Reminder.AllowedLeadTimes, lead => Assert.DoesNotContain("Notify.", wording.ReminderSentence("X", lead, DateTime.UtcNow), StringComparison.Ordinal));
            Assert.All(Enum.GetValues<NotificationKind>().Where(k => !k.IsStaffKind()), kind =>
            {
                Assert.NotEqual("Notify.UnsubscribeNote." + kind, EmailText.Get("Notify.UnsubscribeNote." + kind, culture));
                Assert.NotEqual("Notify.Unsubscribe." + kind, EmailText.Get("Notify.Unsubscribe." + kind, culture));
            });
        }

        // The team's alerts are German, like the staff pages.
        Assert.NotEqual("Unsubscribe.Note", StaffText.Get("Unsubscribe.Note"));
        Assert.NotEqual("Unsubscribe.Button", StaffText.Get("Unsubscribe.Button"));

        // An unknown language is German, never an error.
        Assert.Equal("de", NotificationTexts.For("xx").Language);
    }

    [Fact]
    public async Task A_reminder_set_on_an_arabic_page_comes_in_arabic_right_to_left_by_email_and_in_the_app()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, "amal@example.org", Password, "Amal", confirmedAtLeast16: true);
        await SettingsAsync(client, token, email: true);
        using (var created = await SendAsync(client, HttpMethod.Post, "api/v1/reminders?culture=ar", token, new
        {
            kind = "JobcenterAppointment",
            dueAt = new DateTime(2031, 3, 4, 9, 30, 0).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            leadTimeMinutes = new[] { 1440 },
            email = true,
        }))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        await DeliverAllAsync(App, "gross-gerau");

        var mail = await App.Mail.WaitForMessageToAsync("amal@example.org", count: 2);
        Assert.Equal("تذكير: موعد في الجوب سنتر (Jobcenter)", mail.Subject);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", mail.Html, StringComparison.Ordinal);
        Assert.Contains("موعد في الجوب سنتر (Jobcenter) – بعد يوم واحد، يوم الثلاثاء، 4 مارس 2031 الساعة 09:30.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("عرض في التطبيق", mail.Text, StringComparison.Ordinal);
        Assert.Contains("إلغاء التذكيرات بالبريد الإلكتروني", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Erinnerung", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("abbestellen", mail.Text, StringComparison.Ordinal);

        // The mail's unsubscribe link is the tenant's page and opens.
        var unsubscribe = System.Text.RegularExpressions.Regex.Match(mail.Text, @"http://gross-gerau\.localhost/abmelden-benachrichtigung\?token=\S+").Value;
        using (var anonymous = App.CreateTenantClient("gross-gerau"))
        using (var page = await anonymous.GetAsync(new Uri(unsubscribe).PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var item = Assert.Single((await GetJsonAsync(client, token, "api/v1/notifications")).GetProperty("items").EnumerateArray());
        Assert.Equal("تذكير: موعد في الجوب سنتر (Jobcenter)", item.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_contact_confirmation_comes_in_the_language_of_the_page_and_staff_see_that_language()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        using var sent = await client.PostAsJsonAsync("api/v1/contact?culture=uk", new
        {
            type = "callback",
            email = "olena@example.org",
            phone = "06152 12345",
            message = "Будь ласка, передзвоніть мені.",
            consent = true,
        });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var id = (await ReadJsonAsync(sent)).GetProperty("id").GetGuid();

        var mail = await App.Mail.WaitForMessageToAsync("olena@example.org");
        Assert.Equal("Твоє повідомлення надійшло", mail.Subject);
        Assert.Contains("Ми отримали твоє прохання передзвонити.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"uk\" dir=\"ltr\">", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Rückruf", mail.Text, StringComparison.Ordinal);

        var admin = await SignInAsync(client, "admin@gross-gerau.example");
        var item = (await GetJsonAsync(client, admin, "api/v1/tenant/contact-requests")).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal("uk", item.GetProperty("language").GetString());

        // The inbox page tells staff, in its German, the language of the page the person wrote on.
        using var staff = App.CreateTenantClient("gross-gerau");
        using (var login = await staff.PostAsJsonAsync("api/v1/auth/login?useCookies=true", new { email = "admin@gross-gerau.example", password = DatabaseInitializer.DemoPassword }))
        {
            Assert.True(login.IsSuccessStatusCode, $"login: {(int)login.StatusCode}");
        }

        var inbox = await staff.GetStringAsync(new Uri("verwaltung/anfragen", UriKind.Relative));
        Assert.Contains("<dt>Sprache der Seite</dt>", inbox, StringComparison.Ordinal);
        Assert.Contains("<dd lang=\"uk\">Українська</dd>", inbox, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_worker_carries_its_words_in_every_language_right_to_left_for_arabic_and_farsi()
    {
        using var client = App.CreatePrefixClient("gross-gerau");

        using var response = await client.GetAsync(new Uri("sw.js", UriKind.Relative));
        var script = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        var json = System.Text.RegularExpressions.Regex.Match(script, "const WORDS = (\\{[^\\n]*\\});").Groups[1].Value;
        var words = JsonDocument.Parse(json).RootElement;
        Assert.Equal(EmailText.Languages, words.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Du bist offline", words.GetProperty("de").GetProperty("heading").GetString());
        Assert.Equal("تو آفلاین هستی", words.GetProperty("fa").GetProperty("heading").GetString());
        Assert.Equal("Відписатися", words.GetProperty("uk").GetProperty("unsubscribe").GetString());
        Assert.Equal(["ar", "fa"], words.EnumerateObject().Where(p => p.Value.GetProperty("dir").GetString() == "rtl").Select(p => p.Name));
        Assert.Contains("self.addEventListener('fetch'", script, StringComparison.Ordinal);
    }

    internal static async Task SettingsAsync(HttpClient client, string token, bool email, string[]? topics = null)
    {
        using var response = await SendAsync(client, HttpMethod.Put, "api/v1/notifications/settings", token,
            new { email, push = false, quietStart = "22:00", quietEnd = "07:00", followedTopics = topics ?? [] });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Time passes: every pending message of the tenant falls due, and the engine runs.</summary>
    internal static async Task DeliverAllAsync(PlatformApp app, string slug)
    {
        await Outbox.MakeDueAsync(app, slug, DateTime.UtcNow);
        await app.Services.GetRequiredService<DeliverNotificationsJob>().DeliverDueAsync(CancellationToken.None);
    }
}

public sealed class SqliteNotificationLanguageTests(SqliteApp app) : NotificationLanguageTests<SqliteApp>(app);

public sealed class PostgresNotificationLanguageTests(PostgresApp app) : NotificationLanguageTests<PostgresApp>(app);

/// <summary>
/// A new post in each follower's language, the anonymous push included, on a platform clock the test sets: an
/// anonymous push waits out the default quiet hours, so the wall clock would make the test pass by day only.
/// </summary>
public abstract class NewPostLanguageTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task A_new_post_reaches_each_follower_in_their_own_language_with_its_translated_title_and_an_anonymous_push_in_the_language_it_was_subscribed_in()
    {
        // An anonymous push waits out the default quiet hours (22:00–07:00 Berlin): the platform's clock goes to the
        // coming noon, so that the test does not depend on the hour it runs at (a night-time run failed here).
        var clock = App.Clock!;
        var berlin = BerlinTime.ToLocal(clock.GetUtcNow().UtcDateTime);
        clock.SetUtcNow(BerlinTime.ToUtc(berlin.Date.AddDays(berlin.Hour >= 12 ? 1 : 0).AddHours(12)));
        await using var service = PushService.Start();
        using var browser = new BrowserKeys();
        using var client = App.CreateTenantClient("offenbach");
        var german = await AccountMail.RegisterConfirmedAsync(App, client, "deniz@example.org", NotificationLanguageTests<TApp>.Password, "Deniz", confirmedAtLeast16: true);
        await NotificationLanguageTests<TApp>.SettingsAsync(client, german, email: true, topics: ["Geld"]);
        using (var turkish = await client.PostAsJsonAsync("api/v1/auth/register?culture=tr",
            new { email = "emre@example.org", password = NotificationLanguageTests<TApp>.Password, displayName = "Emre", confirmedAtLeast16 = true }))
        {
            Assert.Equal(HttpStatusCode.Accepted, turkish.StatusCode);
        }

        await AccountMail.ConfirmAsync(App, client, "emre@example.org");
        var emre = await SignInAsync(client, "emre@example.org", NotificationLanguageTests<TApp>.Password);
        await NotificationLanguageTests<TApp>.SettingsAsync(client, emre, email: true, topics: ["Geld"]);
        using (var subscribed = await client.PostAsJsonAsync("api/v1/notifications/topic-subscriptions?culture=ru", new
        {
            endpoint = service.Endpoint.AbsoluteUri,
            p256dh = browser.PublicKey,
            auth = browser.Auth,
            topics = new[] { "Geld" },
        }))
        {
            Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        }

        // The post has a Turkish and a Russian translation: its title reaches those readers in their language (issue 14).
        await Outbox.PublishInGeldAsync(
            App, "offenbach", "Neu: Kindergeld", DateTime.UtcNow, new Dictionary<string, string> { ["tr"] = "Yeni: Çocuk parası", ["ru"] = "Новое: детские деньги" });
        await NotificationLanguageTests<TApp>.DeliverAllAsync(App, "offenbach");

        Assert.Equal("Neuer Beitrag", (await App.Mail.WaitForMessageToAsync("deniz@example.org", count: 2)).Subject);
        var turkishMail = await App.Mail.WaitForMessageToAsync("emre@example.org", count: 2);
        Assert.Equal("Yeni gönderi", turkishMail.Subject);
        Assert.Contains("<html lang=\"tr\" dir=\"ltr\">", turkishMail.Html, StringComparison.Ordinal);
        Assert.Contains("Yeni gönderi e-postalarından çık", turkishMail.Text, StringComparison.Ordinal);
        Assert.Contains("Yeni: Çocuk parası", turkishMail.Text, StringComparison.Ordinal);
        Assert.Contains("Neu: Kindergeld", (await App.Mail.WaitForMessageToAsync("deniz@example.org", count: 2)).Text, StringComparison.Ordinal);
        var inApp = (await GetJsonAsync(client, emre, "api/v1/notifications")).GetProperty("items")[0];
        Assert.Equal("Yeni gönderi", inApp.GetProperty("title").GetString());
        Assert.Equal("Yeni: Çocuk parası", inApp.GetProperty("text").GetString());
        await Eventually.EventuallyAsync(() => Task.FromResult(service.Requests.Count == 1), "the anonymous push is sent");
        var payload = JsonDocument.Parse(browser.Decrypt(service.Requests[0].Body)).RootElement;
        Assert.Equal("Новая публикация", payload.GetProperty("title").GetString());
        Assert.Equal("Новое: детские деньги", payload.GetProperty("body").GetString());
        Assert.Equal("ru", payload.GetProperty("lang").GetString());
        Assert.Equal("Отписаться", payload.GetProperty("unsubscribeLabel").GetString());
    }
}

public sealed class SqliteNewPostLanguageTests(SqliteFakeClockApp app) : NewPostLanguageTests<SqliteFakeClockApp>(app);

public sealed class PostgresNewPostLanguageTests(PostgresFakeClockApp app) : NewPostLanguageTests<PostgresFakeClockApp>(app);
