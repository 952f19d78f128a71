using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Reminders;
using Platform.Infrastructure.Persistence;
// Both the port and the web push library have a PushMessage.
using PushMessage = Platform.Application.Reminders.PushMessage;
using WebPushMessage = Lib.Net.Http.WebPush.PushMessage;

namespace Platform.Infrastructure.Notifications;

/// <summary>
/// Web push with VAPID through Lib.Net.Http.WebPush (aes128gcm payload encryption). The key pair comes from
/// configuration or, on first use, is generated once for the whole platform and kept in the database (protected with
/// Data Protection), so that every node signs with the key the browsers subscribed to, across restarts (ADR-029).
/// </summary>
public sealed partial class WebPushSender : IPushSender, IDisposable
{
    private readonly Lazy<VapidKeys> _keys;
    private readonly Lazy<PushServiceClient> _client;
    private readonly HttpClient _http;
    private readonly PushEndpointPolicy _policy;
    private readonly ILogger<WebPushSender> _logger;

    public WebPushSender(
        IOptions<NotificationOptions> options,
        PushEndpointPolicy policy,
        IHostEnvironment environment,
        IServiceScopeFactory scopes,
        IDataProtectionProvider protection,
        ILogger<WebPushSender> logger)
    {
        _logger = logger;
        _policy = policy;
        _http = new HttpClient(policy.CreateHandler()) { Timeout = TimeSpan.FromSeconds(30) };
        // Read from the database on first use: a failure there (the database away) is not kept, the next use tries
        // again (so neither Lazy caches an exception).
        _keys = new Lazy<VapidKeys>(
            () => VapidKeys.Load(options.Value, environment.ContentRootPath, scopes, protection.CreateProtector("Platform.Notifications.Vapid")),
            LazyThreadSafetyMode.PublicationOnly);
        _client = new Lazy<PushServiceClient>(() => new PushServiceClient(_http)
        {
            DefaultAuthentication = new VapidAuthentication(_keys.Value.PublicKey, _keys.Value.PrivateKey) { Subject = options.Value.VapidSubject },
            DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid,
            DefaultTimeToLive = (int)TimeSpan.FromDays(1).TotalSeconds,
        }, LazyThreadSafetyMode.PublicationOnly);
    }

    public string PublicKey => _keys.Value.PublicKey;

    public async Task<PushOutcome> SendAsync(PushMessage message, CancellationToken cancellationToken)
    {
        // Checked again at delivery: a subscription stored before the rules (or before the allow-list changed) is
        // never sent to, and its keys must be encryptable at all.
        if (!_policy.Allows(message.Endpoint) || !PushKeys.IsP256dh(message.P256dh) || !PushKeys.IsAuth(message.Auth))
        {
            return PushOutcome.Rejected;
        }

        var subscription = new Lib.Net.Http.WebPush.PushSubscription { Endpoint = message.Endpoint };
        subscription.SetKey(PushEncryptionKeyName.P256DH, message.P256dh);
        subscription.SetKey(PushEncryptionKeyName.Auth, message.Auth);
        var payload = JsonSerializer.Serialize(new
        {
            title = message.Title,
            body = message.Text,
            url = message.Link.AbsoluteUri,
            unsubscribe = message.Unsubscribe.AbsoluteUri,
            lang = message.Language,
            unsubscribeLabel = message.UnsubscribeLabel,
        });
        try
        {
            await _client.Value.RequestPushMessageDeliveryAsync(subscription, new WebPushMessage(payload), cancellationToken);
            return PushOutcome.Sent;
        }
        catch (PushServiceClientException exception) when (exception.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return PushOutcome.Gone;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong with this one (network, the push service, a redirect, which is not followed), the
            // others of the batch still go out; the engine counts the failure against the subscription.
            LogPushFailed(_logger, exception, new Uri(message.Endpoint).Host);
            return PushOutcome.Failed;
        }
    }

    public void Dispose() => _http.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A web push to {Host} failed")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string host);

    private sealed record VapidKeys(string PublicKey, string PrivateKey)
    {
        private const string FileName = "vapid-keys.json";
        private const string KeyName = "web-push-vapid";

        /// <summary>
        /// Configured keys; else the platform's pair from the database; else the pair of an installation from before
        /// (the key folder's file, which its subscriptions are bound to) or a new one, stored for every node. Two nodes
        /// that store at the same moment: the first wins and the other reads it.
        /// </summary>
        public static VapidKeys Load(NotificationOptions options, string contentRoot, IServiceScopeFactory scopes, IDataProtector protector)
        {
            if (!string.IsNullOrWhiteSpace(options.VapidPublicKey) && !string.IsNullOrWhiteSpace(options.VapidPrivateKey))
            {
                return new VapidKeys(options.VapidPublicKey, options.VapidPrivateKey);
            }

            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            if (Stored(db, protector) is { } stored)
            {
                return stored;
            }

            var folder = Path.IsPathRooted(options.KeyFolder) ? options.KeyFolder : Path.Combine(contentRoot, options.KeyFolder);
            var file = Path.Combine(folder, FileName);
            var keys = File.Exists(file)
                ? JsonSerializer.Deserialize<VapidKeys>(File.ReadAllText(file)) ?? throw new InvalidOperationException($"{file} is empty.")
                : Generate();
            db.PlatformKeys.Add(new PlatformKey
            {
                Name = KeyName,
                ProtectedValue = protector.Protect(JsonSerializer.Serialize(keys)),
                CreatedAt = DateTime.UtcNow,
            });
            try
            {
                db.SaveChanges();
                return keys;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return Stored(db, protector) ?? throw new InvalidOperationException("The VAPID keys could be neither stored nor read.");
            }
        }

        private static VapidKeys? Stored(PlatformDbContext db, IDataProtector protector) =>
            db.PlatformKeys.AsNoTracking().SingleOrDefault(k => k.Name == KeyName) is { } row
                ? JsonSerializer.Deserialize<VapidKeys>(protector.Unprotect(row.ProtectedValue))
                : null;

        private static VapidKeys Generate()
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var parameters = key.ExportParameters(includePrivateParameters: true);
            return new VapidKeys(
                Base64Url([0x04, .. parameters.Q.X!, .. parameters.Q.Y!]),
                Base64Url(parameters.D!));
        }

        private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
