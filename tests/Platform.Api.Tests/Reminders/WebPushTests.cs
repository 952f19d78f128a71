using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
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
        await SetPushAsync(client, token, (start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), end.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)), "offenbach");
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
            endpoint = "https://push.example.org/abc",
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

    /// <summary>Quiet hours that cannot contain the test's moment (6 to 7 hours from now, Berlin time).</summary>
    private static (string Start, string End) QuietHoursAwayFromNow()
    {
        var now = BerlinTime.ToLocal(DateTime.UtcNow);
        return (now.AddHours(6).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), now.AddHours(7).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
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
            dueAt = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            leadTimeMinutes = new[] { 1440 },
            push = true,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private Task<int> MakeDueAsync(string slug = "gross-gerau") =>
        App.InTenantAsync(slug, sp => sp.GetRequiredService<IAppDbContext>().ReminderDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, DateTime.UtcNow.AddSeconds(-1))));

    /// <summary>A browser's push keys: a P-256 key pair and a 16-byte auth secret; decrypts what the service received.</summary>
    private sealed class BrowserKeys : IDisposable
    {
        private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        private readonly byte[] _auth = RandomNumberGenerator.GetBytes(16);

        public string PublicKey => Base64Url(PublicBytes(_key));

        public string Auth => Base64Url(_auth);

        public string Decrypt(byte[] body)
        {
            // RFC 8188 header: salt (16), record size (4), key id length (1), key id (the sender's public key).
            var salt = body[..16];
            var idLength = body[20];
            var senderKey = body[21..(21 + idLength)];
            var ciphertext = body[(21 + idLength)..];
            using var sender = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = senderKey[1..33], Y = senderKey[33..65] },
            });
            var shared = _key.DeriveRawSecretAgreement(sender.PublicKey);

            // RFC 8291: the input keying material from the auth secret and both public keys, then RFC 8188's key and nonce.
            var keyInfo = Encoding.ASCII.GetBytes("WebPush: info\0").Concat(PublicBytes(_key)).Concat(senderKey).ToArray();
            var ikm = HKDF.Expand(HashAlgorithmName.SHA256, HKDF.Extract(HashAlgorithmName.SHA256, shared, _auth), 32, keyInfo);
            var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
            var cek = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0"));
            var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, Encoding.ASCII.GetBytes("Content-Encoding: nonce\0"));
            var plain = new byte[ciphertext.Length - 16];
            using var aes = new AesGcm(cek, 16);
            aes.Decrypt(nonce, ciphertext[..^16], ciphertext[^16..], plain);

            // The last record ends with the delimiter 2, then padding zeros.
            var end = Array.LastIndexOf(plain, (byte)2);
            return Encoding.UTF8.GetString(plain, 0, end);
        }

        public void Dispose() => _key.Dispose();

        private static byte[] PublicBytes(ECDiffieHellman key)
        {
            var q = key.ExportParameters(false).Q;
            return [0x04, .. q.X!, .. q.Y!];
        }

        private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>A push service on loopback: records every request and answers 201 Created, as real services do.</summary>
    private sealed class PushService : IAsyncDisposable
    {
        private readonly HttpListener _listener;
        private readonly List<RecordedPush> _requests = [];
        private readonly Lock _lock = new();
        private readonly Task _serving;

        private PushService(HttpListener listener, Uri endpoint)
        {
            _listener = listener;
            Endpoint = endpoint;
            _serving = ServeAsync();
        }

        public Uri Endpoint { get; }

        public IReadOnlyList<RecordedPush> Requests
        {
            get
            {
                lock (_lock)
                {
                    return [.. _requests];
                }
            }
        }

        public static PushService Start()
        {
            for (var attempt = 0; ; attempt++)
            {
                var port = FreePort();
                var listener = new HttpListener();
                listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                try
                {
                    listener.Start();
                    return new PushService(listener, new Uri($"http://127.0.0.1:{port}/push/{Guid.NewGuid():N}"));
                }
                catch (HttpListenerException) when (attempt < 5)
                {
                    listener.Close();
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            try
            {
                await _serving;
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // Stopped while waiting for the next request.
            }

            _listener.Close();
        }

        private static int FreePort()
        {
            using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                var context = await _listener.GetContextAsync();
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
                lock (_lock)
                {
                    _requests.Add(new RecordedPush(context.Request.Url!, headers, body.ToArray()));
                }

                context.Response.StatusCode = 201;
                context.Response.Close();
            }
        }
    }

    private sealed record RecordedPush(Uri Url, IReadOnlyDictionary<string, string> Headers, byte[] Body);
}

public sealed class SqliteWebPushTests(SqliteApp app) : WebPushTests<SqliteApp>(app);

public sealed class PostgresWebPushTests(PostgresApp app) : WebPushTests<PostgresApp>(app);
