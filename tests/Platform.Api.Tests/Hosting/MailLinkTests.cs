using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Api.Tests.Accounts;
using Platform.Api.Tests.Posts;
using Platform.Api.Tests.Reminders;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.Infrastructure.Jobs;
using Platform.TestSupport;

namespace Platform.Api.Tests.Hosting;

/// <summary>
/// Every kind of mail the platform sends, read from the real SMTP sink, with every link in it followed the way a person
/// clicking it would (ADR-023): each answers 200 on the host it names, and the RFC 8058 one-click address unsubscribes.
/// The test server answers every host name, so the tenants' host names reach it as they would through DNS.
/// </summary>
public abstract partial class MailLinkTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string Password = "Ein langer Satz als Passwort";

    private FakeTimeProvider Clock => App.Clock ?? throw new InvalidOperationException("This class needs an app on a fake clock.");

    /// <summary>The platform's time: a fake clock, so that a scheduled post's time comes when the test says.</summary>
    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Every_link_in_the_account_mails_works()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        using (var registered = await client.PostAsJsonAsync("api/v1/auth/register", new { email = "link@example.org", password = Password, displayName = "Lina", confirmedAtLeast16 = true }))
        {
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        }

        var confirmation = await App.Mail.WaitForMessageToAsync("link@example.org");
        await FollowEveryLinkAsync(confirmation, "gross-gerau.localhost");

        using (var forgot = await client.PostAsJsonAsync("api/v1/auth/forgot-password", new { email = "jana@gross-gerau.example" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        }

        await FollowEveryLinkAsync(await App.Mail.WaitForMessageToAsync("jana@gross-gerau.example"), "gross-gerau.localhost");

        // The platform's own accounts (no tenant) get links on the platform's own host.
        using var bare = App.CreateClientForHost("localhost");
        using (var forgot = await bare.PostAsJsonAsync("api/v1/auth/forgot-password", new { email = "admin@plattform.example" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        }

        await FollowEveryLinkAsync(await App.Mail.WaitForMessageToAsync("admin@plattform.example"), "localhost");
    }

    [Fact]
    public async Task Invitation_links_point_at_the_jobcenters_own_host_whatever_host_the_request_came_to()
    {
        // A request with its own port: the link must not take it over (it pointed at :31337 before).
        using var client = App.CreateClientForHost("gross-gerau.localhost:31337");
        var admin = await SignInAsync(client, "admin@gross-gerau.example");
        using (var invited = await SendAsync(client, HttpMethod.Post, "api/v1/tenant/staff/invitations", admin, new { email = "kollegin@example.org", role = "Editor" }))
        {
            Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
            Assert.StartsWith("http://gross-gerau.localhost/einladung?token=", (await ReadJsonAsync(invited)).GetProperty("invitationUrl").GetString(), StringComparison.Ordinal);
        }

        await FollowEveryLinkAsync(await App.Mail.WaitForMessageToAsync("kollegin@example.org"), "gross-gerau.localhost");

        using var bare = App.CreateClientForHost("localhost:31337");
        // The platform administration needs a second factor (ADR-011).
        var platformToken = await SignInWithSecondFactorAsync(App, bare, null, "admin@plattform.example");
        using (var created = await SendAsync(bare, HttpMethod.Post, "api/v1/platform/tenants", platformToken,
            new { slug = "kreis-bergstrasse", displayName = "Neue Wege Kreis Bergstraße", hostnames = new[] { "jobs.kreis-bergstrasse.example" }, adminEmail = "leitung@kreis-bergstrasse.example" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await FollowEveryLinkAsync(await App.Mail.WaitForMessageToAsync("leitung@kreis-bergstrasse.example"), "jobs.kreis-bergstrasse.example");
    }

    [Fact]
    public async Task The_contact_confirmation_links_nothing_but_the_jobcenter()
    {
        using var client = App.CreateTenantClient("offenbach");
        using (var sent = await client.PostAsJsonAsync("api/v1/contact", new { type = "question", email = "frage@example.org", message = "Wann kommt mein Geld?", consent = true }))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        await FollowEveryLinkAsync(await App.Mail.WaitForMessageToAsync("frage@example.org"), "offenbach.localhost", expectLinks: false);
    }

    [Fact]
    public async Task Every_link_in_reminder_and_new_post_mails_works_and_the_one_click_address_unsubscribes()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, "folgt@example.org", Password, "Fo", confirmedAtLeast16: true);
        using (var settings = await SendAsync(client, HttpMethod.Put, "api/v1/notifications/settings", token,
            new { email = true, push = false, quietStart = "22:00", quietEnd = "07:00", followedTopics = new[] { "Geld" } }))
        {
            Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        }

        using (var reminder = await SendAsync(client, HttpMethod.Post, "api/v1/reminders", token,
            new { kind = "BenefitRenewal", dueAt = Now.AddDays(3).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), leadTimeMinutes = new[] { 1440 }, email = true, push = false }))
        {
            Assert.Equal(HttpStatusCode.Created, reminder.StatusCode);
        }

        await Outbox.MakeDueAsync(App, "gross-gerau", Now);
        await DeliverAsync();
        var reminderMail = await App.Mail.WaitForMessageToAsync("folgt@example.org", count: 2);
        Assert.Contains("Erinnerung", reminderMail.Subject, StringComparison.Ordinal);
        await FollowEveryLinkAsync(reminderMail, "gross-gerau.localhost", oneClick: false);

        await Outbox.PublishInGeldAsync(App, "gross-gerau", "Neu: Heizkostenzuschuss", Now);
        await DeliverAsync();
        var postMail = await App.Mail.WaitForMessageToAsync("folgt@example.org", count: 3);
        Assert.Equal("Neuer Beitrag", postMail.Subject);
        await FollowEveryLinkAsync(postMail, "gross-gerau.localhost", oneClick: true);

        // The new-post mail's one-click button stopped exactly new-post mails.
        var after = await GetJsonAsync(client, token, "api/v1/notifications/settings");
        Assert.True(after.GetProperty("email").GetBoolean());
        Assert.Equal(["email:new-post"], after.GetProperty("unsubscribed").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public async Task Every_link_in_the_waiting_list_mail_works()
    {
        using var client = App.CreateTenantClient("offenbach");
        var seated = await AccountMail.RegisterConfirmedAsync(App, client, "sitzt@example.org", Password, "Si", confirmedAtLeast16: true);
        var waiting = await AccountMail.RegisterConfirmedAsync(App, client, "wartet@example.org", Password, "Wa", confirmedAtLeast16: true);
        using (var settings = await SendAsync(client, HttpMethod.Put, "api/v1/notifications/settings", waiting, new { email = true, push = false, quietStart = "22:00", quietEnd = "07:00" }))
        {
            Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        }

        var eventId = await App.InTenantAsync("offenbach", async sp =>
        {
            var content = new PostContent
            {
                Title = "Bewerbungsfotos",
                Summary = "Komm vorbei!",
                BodyMarkdown = "Alles Weitere vor Ort.",
                Topics = Topics.Jobsuche,
                EventStartsAt = Now.AddDays(5),
                EventEndsAt = Now.AddDays(5).AddHours(2),
                EventPlace = "Jobcenter",
                EventCapacity = 1,
            };
            var post = Post.Create(sp.GetRequiredService<ICurrentTenant>().RequiredId, content, PostActor.System, Now.AddDays(-1));
            post.Publish(Now);
            var db = sp.GetRequiredService<IAppDbContext>();
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post.Id;
        });
        foreach (var token in new[] { seated, waiting })
        {
            using var registered = await SendAsync(client, HttpMethod.Post, $"api/v1/events/{eventId}/registration", token);
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }

        using (var cancelled = await SendAsync(client, HttpMethod.Delete, $"api/v1/events/{eventId}/registration", seated))
        {
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        await DeliverAsync();
        var mail = await App.Mail.WaitForMessageToAsync("wartet@example.org", count: 2);
        Assert.Equal("Du hast einen Platz bekommen", mail.Subject);
        await FollowEveryLinkAsync(mail, "offenbach.localhost", oneClick: true);
    }

    [Fact]
    public async Task Every_link_in_the_publication_failure_mail_works()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var editor = await SignInWithSecondFactorAsync(App, client, "gross-gerau", "redaktion@gross-gerau.example");
        var reviewer = await SignInWithSecondFactorAsync(App, client, "gross-gerau", "pruefung@gross-gerau.example");
        var id = await EditorialApi.ApprovedAsync(client, editor, reviewer, "Kann nicht erscheinen");
        var publishAt = Now.AddMinutes(10);
        await EditorialApi.StepOkAsync(client, reviewer, id, "schedule", new { publishAt });
        await App.InTenantAsync("gross-gerau", async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var post = await db.Posts.SingleAsync(p => p.Id == id);
            ((DbContext)db).Entry(post).ComplexProperty(p => p.Content).Property(c => c.ExpiresAt).CurrentValue = Now.AddMinutes(-1);
            await db.SaveChangesAsync();
        });

        Clock.Advance(publishAt - Now);
        await DelayedJobs.FirePublicationAsync(App, "gross-gerau", id);

        var mail = await DelayedJobs.FailureMailAsync(App, "redaktion@gross-gerau.example");
        Assert.Contains($"http://gross-gerau.localhost/redaktion/beitraege/{id}", mail.Text, StringComparison.Ordinal);
        await FollowEveryLinkAsync(mail, "gross-gerau.localhost");
    }

    /// <summary>
    /// Follows each link of the mail that leads into the platform, as an anonymous browser (a page behind sign-in
    /// redirects to the sign-in page of the same host, which answers 200); links elsewhere must be the jobcenter's own
    /// addresses from its settings. Also checks the headers every mail carries.
    /// </summary>
    private async Task FollowEveryLinkAsync(ReceivedMail mail, string expectedHost, bool expectLinks = true, bool? oneClick = null)
    {
        Assert.Equal("auto-generated", mail.Message.Headers["Auto-Submitted"]);
        Assert.EndsWith("@plattform.localhost", mail.Message.MessageId, StringComparison.Ordinal);

        var catalog = App.Services.GetRequiredService<ITenantCatalog>();
        catalog.Invalidate();
        var tenants = await catalog.ListAsync();
        var hostnames = tenants.SelectMany(t => t.Hostnames).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var settings = JsonSerializer.Serialize(tenants);
        var links = LinkPattern().Matches(mail.Text + "\n" + WebUtility.HtmlDecode(mail.Html))
            .Select(m => new Uri(m.Value.TrimEnd('.', ',', ')')))
            .Distinct()
            .ToList();
        var own = links.Where(l => l.Host == "localhost" || l.Host.EndsWith(".localhost", StringComparison.Ordinal) || hostnames.Contains(l.Host)).ToList();
        if (expectLinks)
        {
            Assert.NotEmpty(own);
        }

        foreach (var link in own)
        {
            Assert.Equal(expectedHost, link.Authority);
            using var browser = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
            using var response = await browser.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link}: {(int)response.StatusCode}");
            Assert.Equal(link.Authority, response.RequestMessage!.RequestUri!.Authority);
        }

        foreach (var other in links.Except(own))
        {
            Assert.Contains(other.GetLeftPart(UriPartial.Authority), settings, StringComparison.Ordinal);
        }

        var header = mail.Message.Headers["List-Unsubscribe"];
        if (oneClick is null)
        {
            Assert.Null(header);
            return;
        }

        var address = new Uri(header!.Trim('<', '>'));
        Assert.Equal(expectedHost, address.Authority);
        if (oneClick == true)
        {
            using var mailClient = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            using var body = new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]);
            using var posted = await mailClient.PostAsync(address, body);
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            Assert.True((await ReadJsonAsync(posted)).GetProperty("changed").GetBoolean());
        }
    }

    private async Task DeliverAsync() =>
        await App.Services.GetRequiredService<DeliverNotificationsJob>().DeliverDueAsync(CancellationToken.None);

    [GeneratedRegex(@"https?://[^\s""'<>]+", RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();
}

public sealed class SqliteMailLinkTests(SqliteFakeClockApp app) : MailLinkTests<SqliteFakeClockApp>(app);

public sealed class PostgresMailLinkTests(PostgresFakeClockApp app) : MailLinkTests<PostgresFakeClockApp>(app);
