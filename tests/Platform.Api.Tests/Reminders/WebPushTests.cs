using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Accounts;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Reminders;
using Platform.Infrastructure.Jobs;
using Platform.TestSupport;

namespace Platform.Api.Tests.Reminders;

/// <summary>
/// Web push through the real library against a real HTTP endpoint on loopback that plays the push service: it records
/// each request, and the test decrypts the aes128gcm payload with the browser's keys (RFC 8291).
/// </summary>
public abstract class WebPushTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string Password = "Ein langer Satz als Passwort";

    [Fact]
    public async Task A_due_push_reaches_the_push_service_signed_with_vapid_and_encrypted()
    {
        await using var service = PushService.Start();
        using var browser = new BrowserKeys();
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, "push@example.org", Password, "Pia", confirmedAtLeast16: true);
        await SetPushAsync(client, token, QuietHoursAwayFromNow());
        await SubscribeAsync(client, token, service, browser);
        await CreatePushReminderAsync(client, token);

        await MakeDueAsync();
        var job = App.Services.GetRequiredService<DeliverNotificationsJob>();
        await Task.WhenAll(job.DeliverDueAsync(CancellationToken.None), job.DeliverDueAsync(CancellationToken.None));
        await job.DeliverDueAsync(CancellationToken.None);
        await PushStatusIsAsync(DeliveryStatus.Sent);

        var request = Assert.Single(service.Requests);
        Assert.Equal("aes128gcm", request.Headers["Content-Encoding"]);
        Assert.StartsWith("vapid t=", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Contains(", k=", request.Headers["Authorization"], StringComparison.Ordinal);
        var publicKey = (await GetJsonAsync(client, "api/v1/notifications/push-key")).GetProperty("publicKey").GetString();
        Assert.EndsWith("k=" + publicKey, request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(request.Headers["TTL"]));
        var payload = JsonDocument.Parse(browser.Decrypt(request.Body)).RootElement;
        Assert.Contains("Weiterbewilligungsantrag", payload.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("http://gross-gerau.localhost/abmelden-benachrichtigung?token=", payload.GetProperty("unsubscribe").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_push_due_in_the_quiet_hours_waits_for_their_end()
    {
        await using var service = PushService.Start();
        using var browser = new BrowserKeys();
        using var client = App.CreateTenantClient("offenbach");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, "nachts@example.org", Password, "Nora", confirmedAtLeast16: true);
        var now = BerlinTime.ToLocal(DateTime.UtcNow);
        var start = TimeOnly.FromDateTime(now.AddHours(-1));
        var end = TimeOnly.FromDateTime(now.AddHours(1));
        await SetPushAsync(client, token, (start.ToString("HH:mm", CultureInfo.InvariantCulture), end.ToString("HH:mm", CultureInfo.InvariantCulture)), "offenbach");
        await SubscribeAsync(client, token, service, browser);
        await CreatePushReminderAsync(client, token);

        await MakeDueAsync("offenbach");
        await App.Services.GetRequiredService<DeliverNotificationsJob>().DeliverDueAsync(CancellationToken.None);

        Assert.Empty(service.Requests);
        var push = await App.InTenantAsync("offenbach", sp => sp.GetRequiredService<IAppDbContext>().ReminderDeliveries
            .SingleAsync(d => d.Channel == NotificationChannel.Push));
        Assert.Equal(DeliveryStatus.Pending, push.Status);
        Assert.True(push.DueAt > DateTime.UtcNow.AddMinutes(50), $"moved to {push.DueAt:O}");
        Assert.Single((await GetJsonAsync(client, token, "api/v1/notifications")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Anyone_can_follow_topics_without_an_account_and_delete_the_subscription_by_its_id()
    {
        using var browser = new BrowserKeys();
        using var client = App.CreateTenantClient("gross-gerau");

        using var created = await client.PostAsJsonAsync("api/v1/notifications/topic-subscriptions", new
        {
            endpoint = "https://fcm.googleapis.com/fcm/send/abc",
            p256dh = browser.PublicKey,
            auth = browser.Auth,
            topics = new[] { "Geld", "Wohnen" },
        });
        using var bad = await client.PostAsJsonAsync("api/v1/notifications/topic-subscriptions", new
        {
            endpoint = "kein-link",
            p256dh = browser.PublicKey,
            auth = browser.Auth,
            topics = new[] { "Quatsch" },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ReadJsonAsync(created)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("endpoint", problem, StringComparison.Ordinal);
        Assert.Contains("topics", problem, StringComparison.Ordinal);
        using var otherTenant = App.CreateTenantClient("offenbach");
        Assert.Equal(HttpStatusCode.NotFound, (await otherTenant.DeleteAsync(new Uri($"api/v1/notifications/topic-subscriptions/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"api/v1/notifications/topic-subscriptions/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync(new Uri($"api/v1/notifications/topic-subscriptions/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Push_endpoints_outside_the_push_services_or_on_internal_addresses_are_refused_naming_endpoint()
    {
        using var browser = new BrowserKeys();
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, "ssrf@example.org", Password, "Sami", confirmedAtLeast16: true);
        string[] refused =
        [
            "http://updates.push.services.mozilla.com/wpush/v2/abc",
            "https://push.example.org/abc",
            "https://fcm.googleapis.com.evil.example/fcm/send/abc",
            "https://user@fcm.googleapis.com/fcm/send/abc",
            "https://10.0.0.7/push",
            "https://172.16.1.1/push",
            "https://192.168.1.1/push",
            "https://169.254.169.254/latest/meta-data/",
            "https://100.64.0.1/push",
            "https://[fd00:ec2::254]/push",
            "https://[fe80::1]/push",
            "https://[::ffff:10.0.0.7]/push",
            "https://[64:ff9b::a00:7]/push",
            "https://0.0.0.0/push",
        ];

        foreach (var endpoint in refused)
        {
            using var response = await SendAsync(client, HttpMethod.Post, "api/v1/notifications/push-subscriptions", token, new { endpoint, p256dh = browser.PublicKey, auth = browser.Auth });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{endpoint}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("endpoint", out _), $"{endpoint}: {body}");
        }

        using var anonymous = await client.PostAsJsonAsync("api/v1/notifications/topic-subscriptions", new
        {
            endpoint = "https://169.254.169.254/latest/meta-data/",
            p256dh = browser.PublicKey,
            auth = browser.Auth,
            topics = new[] { "Geld" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, anonymous.StatusCode);
        Assert.True((await ReadJsonAsync(anonymous)).GetProperty("errors").TryGetProperty("endpoint", out _));
        using var allowed = await SendAsync(client, HttpMethod.Post, "api/v1/notifications/push-subscriptions", token, new
        {
            endpoint = "https://updates.push.services.mozilla.com/wpush/v2/abc",
            p256dh = browser.PublicKey,
            auth = browser.Auth,
        });
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(1, await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().PushSubscriptions.CountAsync()));
    }

    [Fact]
    public async Task Keys_that_are_not_a_P256_point_or_a_16_byte_secret_are_refused_naming_the_field()
    {
        using var browser = new BrowserKeys();
        using var client = App.CreateTenantClient("gross-gerau");
        var offCurve = Convert.FromBase64String(Base64(browser.PublicKey));
        offCurve[64] ^= 0x01;
        (string P256dh, string Auth, string Field)[] cases =
        [
            (Base64Url(offCurve), browser.Auth, "p256dh"),
            (Base64Url(new byte[65]), browser.Auth, "p256dh"),
            (Base64Url(Convert.FromBase64String(Base64(browser.PublicKey))[..33]), browser.Auth, "p256dh"),
            ("kein base64!", browser.Auth, "p256dh"),
            (browser.PublicKey, Base64Url(new byte[15]), "auth"),
            (browser.PublicKey, "%%%", "auth"),
        ];

        foreach (var (p256dh, auth, field) in cases)
        {
            using var response = await client.PostAsJsonAsync("api/v1/notifications/topic-subscriptions", new
            {
                endpoint = "https://fcm.googleapis.com/fcm/send/abc",
                p256dh,
                auth,
                topics = new[] { "Geld" },
            });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{p256dh}/{auth}: {(int)response.StatusCode} {body}");
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), body);
        }

        Assert.Equal(0, await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().PushSubscriptions.CountAsync()));
    }

    [Fact]
    public async Task A_redirect_from_the_push_service_is_not_followed()
    {
        await using var inside = PushService.Start();
        await using var service = PushService.Start(307, inside.Endpoint);
        using var browser = new BrowserKeys();
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, "umleitung@example.org", Password, "Ute", confirmedAtLeast16: true);
        await SetPushAsync(client, token, QuietHoursAwayFromNow());
        await SubscribeAsync(client, token, service, browser);
        await CreatePushReminderAsync(client, token);

        await MakeDueAsync();
        await App.Services.GetRequiredService<DeliverNotificationsJob>().DeliverDueAsync(CancellationToken.None);
        await FailedAttemptsAreAsync(1);

        Assert.Single(service.Requests);
        Assert.Empty(inside.Requests);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(410)]
    public async Task A_subscription_the_push_service_calls_gone_is_deleted(int status)
    {
        await using var service = PushService.Start(status);
        using var browser = new BrowserKeys();
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, $"weg{status}@example.org", Password, "Wera", confirmedAtLeast16: true);
        await SetPushAsync(client, token, QuietHoursAwayFromNow());
        await SubscribeAsync(client, token, service, browser);
        await CreatePushReminderAsync(client, token);

        await MakeDueAsync();
        await App.Services.GetRequiredService<DeliverNotificationsJob>().DeliverDueAsync(CancellationToken.None);
        await SubscriptionsAreGoneAsync();

        Assert.Single(service.Requests);
    }

    [Fact]
    public async Task A_subscription_that_keeps_failing_is_given_up_after_the_usual_attempts()
    {
        await using var service = PushService.Start(500);
        using var browser = new BrowserKeys();
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, "kaputt@example.org", Password, "Kai", confirmedAtLeast16: true);
        await SetPushAsync(client, token, QuietHoursAwayFromNow());
        await SubscribeAsync(client, token, service, browser);
        await CreatePushReminderAsync(client, token);
        var job = App.Services.GetRequiredService<DeliverNotificationsJob>();

        for (var pass = 1; pass < PushSubscription.MaxFailedAttempts; pass++)
        {
            await MakeDueAsync();
            await job.DeliverDueAsync(CancellationToken.None);
            await FailedAttemptsAreAsync(pass);
        }

        await MakeDueAsync();
        await job.DeliverDueAsync(CancellationToken.None);
        await SubscriptionsAreGoneAsync();

        Assert.Equal(PushSubscription.MaxFailedAttempts, service.Requests.Count);
    }

    [Fact]
    public async Task A_stored_subscription_with_a_broken_key_is_dropped_and_holds_up_no_other()
    {
        await using var service = PushService.Start();
        using var browser = new BrowserKeys();
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, "alt@example.org", Password, "Alina", confirmedAtLeast16: true);
        await SetPushAsync(client, token, QuietHoursAwayFromNow());
        await SubscribeAsync(client, token, service, browser);
        await CreatePushReminderAsync(client, token);

        // As stored before keys were checked: the same person's second browser, with a key that is no P-256 point.
        var broken = await App.InTenantAsync("gross-gerau", async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var good = await db.PushSubscriptions.SingleAsync();
            var stored = PushSubscription.Create(good.TenantId, good.UserId, service.Endpoint.AbsoluteUri + "-alt", "BAAA", "AAAA", 0, DateTime.UtcNow, "de");
            db.PushSubscriptions.Add(stored);
            await db.SaveChangesAsync();
            return stored.Id;
        });

        await MakeDueAsync();
        await App.Services.GetRequiredService<DeliverNotificationsJob>().DeliverDueAsync(CancellationToken.None);
        await PushStatusIsAsync(DeliveryStatus.Sent);

        var request = Assert.Single(service.Requests);
        Assert.Equal(service.Endpoint.AbsolutePath, request.Url.AbsolutePath);
        var left = await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().PushSubscriptions.Select(s => s.Id).ToListAsync());
        Assert.DoesNotContain(broken, left);
        Assert.Single(left);
    }

    private static string Base64(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Quiet hours that cannot contain the test's moment (6 to 7 hours from now, Berlin time).</summary>
    private static (string Start, string End) QuietHoursAwayFromNow()
    {
        var now = BerlinTime.ToLocal(DateTime.UtcNow);
        return (now.AddHours(6).ToString("HH:mm", CultureInfo.InvariantCulture), now.AddHours(7).ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    private static async Task SetPushAsync(HttpClient client, string token, (string Start, string End) quiet, string slug = "gross-gerau")
    {
        using var response = await SendAsync(client, HttpMethod.Put, "api/v1/notifications/settings", token, new { email = false, push = true, quietStart = quiet.Start, quietEnd = quiet.End });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{slug}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task SubscribeAsync(HttpClient client, string token, PushService service, BrowserKeys browser)
    {
        using var response = await SendAsync(client, HttpMethod.Post, "api/v1/notifications/push-subscriptions", token, new
        {
            endpoint = service.Endpoint.AbsoluteUri,
            p256dh = browser.PublicKey,
            auth = browser.Auth,
        });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task CreatePushReminderAsync(HttpClient client, string token)
    {
        using var response = await SendAsync(client, HttpMethod.Post, "api/v1/reminders", token, new
        {
            kind = "BenefitRenewal",
            dueAt = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            leadTimeMinutes = new[] { 1440 },
            push = true,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every pending message due now, also one waiting for its retry.</summary>
    // The host's own delivery engine polls too, and the claims give a due message to whichever pass comes first: after the
    // test's pass, it waits for the state that either pass leaves.
    private Task PushStatusIsAsync(DeliveryStatus status) => Eventually.EventuallyAsync(
        async () => await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().ReminderDeliveries.AsNoTracking()
            .AnyAsync(d => d.Channel == NotificationChannel.Push && d.Status == status)),
        $"the push delivery is {status}");

    private Task FailedAttemptsAreAsync(int attempts) => Eventually.EventuallyAsync(
        async () => await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().PushSubscriptions.AsNoTracking()
            .AnyAsync(s => s.FailedAttempts == attempts)),
        $"the subscription has failed {attempts} times");

    private Task SubscriptionsAreGoneAsync() => Eventually.EventuallyAsync(
        async () => !await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().PushSubscriptions.AnyAsync()),
        "the subscription is dropped");

    private Task<int> MakeDueAsync(string slug = "gross-gerau") =>
        App.InTenantAsync(slug, sp => sp.GetRequiredService<IAppDbContext>().ReminderDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, DateTime.UtcNow.AddSeconds(-1)).SetProperty(d => d.ClaimedUntil, (DateTime?)null)));
}

public sealed class SqliteWebPushTests(SqliteApp app) : WebPushTests<SqliteApp>(app);

public sealed class PostgresWebPushTests(PostgresApp app) : WebPushTests<PostgresApp>(app);
