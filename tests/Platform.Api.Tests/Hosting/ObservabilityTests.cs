using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Platform.Api.Tests.Accounts;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Posts;
using Platform.Domain.Reminders;
using Platform.Infrastructure.Email;
using Platform.Infrastructure.Jobs;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Hosting;

/// <summary>
/// A host on real Kestrel with a fake clock that only the test moves (so the delivery engine
/// waits for the test) and every log line kept with its scopes.
/// </summary>
public sealed class ObservabilityApp : PlatformApp
{
    public ObservabilityApp()
        : base(DatabaseProvider.Sqlite)
    {
        ListenOnKestrel = true;
        Clock = NewClock();
        Logs = new LogCapture();
        Settings = new Dictionary<string, string?> { ["Platform:Notifications:BacklogCountInterval"] = "00:00:00.100" };
    }

    /// <summary>A client for a tenant host name on the public port (the name is sent, the connection goes to loopback).</summary>
    public HttpClient TenantClient(string slug)
    {
        var target = ServerAddress.Port;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(IPAddress.Loopback, target, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri($"http://{slug}.localhost:{target}/") };
    }
}

/// <summary>
/// The operator's view (ADR-030): the platform's meter moving when the things it counts happen, and logs that carry tenant and trace but nobody's address, name or message.
/// </summary>
public sealed class ObservabilityTests(ObservabilityApp app) : ApiTestBase<ObservabilityApp>(app)
{
    private const string Password = "Ein langer Satz als Passwort";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App.Logs!.Clear();
    }

    [Fact]
    public async Task The_platform_meter_counts_publications_deliveries_backlog_contact_requests_and_requests()
    {
        using var meter = new MeterRecorder(App.Services.GetRequiredService<IMeterFactory>());
        var tenantId = await TenantIdAsync("gross-gerau");
        var tenant = tenantId.ToString();
        using var client = App.TenantClient("gross-gerau");

        // Requests by tenant.
        var before = meter.Sum("platform.requests", tenant);
        (await client.GetAsync(new Uri("api/v1/posts", UriKind.Relative))).Dispose();
        (await client.GetAsync(new Uri("api/v1/posts", UriKind.Relative))).Dispose();
        Assert.Equal(before + 2, meter.Sum("platform.requests", tenant));

        // A contact request.
        using (var sent = await client.PostAsJsonAsync("api/v1/contact", new { type = "question", name = "Mo", email = "", phone = "06152 1234", message = "Wann?", consent = true }))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        Assert.Equal(1, meter.Sum("platform.contact_requests.received", tenant));

        // Publications: one on time, one late, one given up.
        var onTime = await CreateOverdueAsync("gross-gerau", "Pünktlich", TimeSpan.FromSeconds(1));
        var late = await CreateOverdueAsync("gross-gerau", "Verspätet", TimeSpan.FromMinutes(10));
        var failing = await CreateOverdueAsync("gross-gerau", "Gescheitert", TimeSpan.FromSeconds(1));
        var publisher = App.Services.GetRequiredService<PostPublisher>();
        await publisher.PublishAsync(tenantId, onTime, CancellationToken.None);
        await publisher.PublishAsync(tenantId, late, CancellationToken.None);
        await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IMediator>()
            .Send(new RecordPublicationFailureCommand(failing, "Die Datenbank antwortet nicht.", 3, Final: true)).AsTask());
        Assert.Equal(1, meter.Sum("platform.publications", tenant, ("outcome", "on_time")));
        Assert.Equal(1, meter.Sum("platform.publications", tenant, ("outcome", "late")));
        Assert.Equal(1, meter.Sum("platform.publications", tenant, ("outcome", "failed")));
        var lateness = meter.Values("platform.publication.lateness", tenant).Order().ToList();
        Assert.Equal(2, lateness.Count);
        Assert.InRange(lateness[0], 0.9, 1.1);
        Assert.InRange(lateness[1], 599.9, 600.1);

        // Reminder deliveries: the backlog gauge sees them due, the counter by channel sees them sent. The team's alerts
        // of the steps above (the contact request, the failed publication) are deliveries too; they are counted by the
        // same instruments, so this part starts without them.
        await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().ReminderDeliveries
            .Where(d => EF.Functions.Like(d.Key, "s%"))
            .ExecuteDeleteAsync());
        await SubscribeToAnEmailReminderAsync(client, "erinnert@example.org", "Erin");

        Assert.Equal(0, await meter.EventuallyGaugeAsync("platform.reminder.due", tenant, 0));
        await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().ReminderDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, App.Clock!.GetUtcNow().UtcDateTime.AddSeconds(-1))));
        Assert.Equal(2, await meter.EventuallyGaugeAsync("platform.reminder.due", tenant, 2));

        await App.Services.GetRequiredService<DeliverNotificationsJob>().DeliverDueAsync(CancellationToken.None);
        await App.Mail.WaitForMessageToAsync("erinnert@example.org", count: 2);
        Assert.Equal(1, meter.Sum("platform.reminder.deliveries", tenant, ("channel", "in_app"), ("outcome", "sent")));
        Assert.Equal(1, meter.Sum("platform.reminder.deliveries", tenant, ("channel", "email"), ("outcome", "sent")));
        Assert.Equal(0, await meter.EventuallyGaugeAsync("platform.reminder.due", tenant, 0));
    }

    [Fact]
    public async Task Logs_of_sign_in_contact_and_reminders_carry_tenant_and_trace_but_no_address_name_or_message()
    {
        using var client = App.TenantClient("gross-gerau");

        // Sign-in: a demo person with the right password, another with a wrong one, a cookie sign-in, a reset request.
        var jana = await SignInAsync(client, "jana@gross-gerau.example");
        using (var wrong = await client.PostAsJsonAsync("api/v1/auth/login", new { email = "redaktion@gross-gerau.example", password = "falsch-falsch-falsch" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var browser = App.TenantClient("gross-gerau"))
        using (var cookie = await browser.PostAsJsonAsync("api/v1/auth/login?useCookies=true", new { email = "pruefung@gross-gerau.example", password = DatabaseInitializer.DemoPassword }))
        {
            Assert.Equal(HttpStatusCode.OK, cookie.StatusCode);
        }

        using (var forgot = await client.PostAsJsonAsync("api/v1/auth/forgot-password", new { email = "jana@gross-gerau.example" }))
        {
            Assert.True(forgot.IsSuccessStatusCode, $"forgot-password: {(int)forgot.StatusCode}");
        }

        await App.Mail.WaitForMessageToAsync("jana@gross-gerau.example");

        // A contact request from a demo person with a message; its confirmation goes out through a Hangfire job.
        const string Message = "Bitte ruft mich wegen meines Weiterbewilligungsantrags zurück";
        using (var sent = await client.PostAsJsonAsync("api/v1/contact", new { type = "callback", name = "Jana Beispielfrau", email = "jana@gross-gerau.example", phone = "06152 987654", message = Message, consent = true }))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        await App.Mail.WaitForMessageToAsync("jana@gross-gerau.example", count: 2);

        // Reminders: a new account subscribes to e-mail reminders and gets one.
        await SubscribeToAnEmailReminderAsync(client, "erin.beispiel@example.org", "Erin Beispielmann");

        await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().ReminderDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, App.Clock!.GetUtcNow().UtcDateTime.AddSeconds(-1))));
        await App.Services.GetRequiredService<DeliverNotificationsJob>().DeliverDueAsync(CancellationToken.None);
        await App.Mail.WaitForMessageToAsync("erin.beispiel@example.org", count: 2);
        (await SendAsync(client, HttpMethod.Get, "api/v1/notifications", jana)).Dispose();

        var lines = App.Logs!.Lines.ToList();
        Assert.NotEmpty(lines);
        string[] personal =
        [
            "jana@", "redaktion@gross-gerau", "pruefung@gross-gerau", "erin.beispiel@", "Jana Beispielfrau", "Erin Beispielmann",
            "06152 987654", Message, "Weiterbewilligungsantrags",
        ];
        foreach (var value in personal)
        {
            var leaked = lines.FirstOrDefault(l => l.Text.Contains(value, StringComparison.OrdinalIgnoreCase));
            Assert.True(leaked is null, $"'{value}' in a log line: {leaked?.Text}");
        }

        // Every line written inside a request has the trace; lines after tenant resolution have the tenant too, and a
        // Hangfire job's lines (the contact confirmation) have both.
        var inRequests = lines.Where(l => l.HasScope("RequestId")).ToList();
        Assert.NotEmpty(inRequests);
        Assert.All(inRequests, l => Assert.True(l.HasScope("TraceId"), l.Text));
        var tenantId = (await TenantIdAsync("gross-gerau")).ToString();
        Assert.Contains(inRequests, l => l.Scopes.Any(s => s.Key == "TenantId" && s.Value?.ToString() == tenantId));
        Assert.Contains(lines, l => !l.HasScope("RequestId") && l.HasScope("TenantId") && l.HasScope("TraceId"));
    }

    [Fact]
    public void A_mail_servers_refusal_is_described_without_the_address_it_quotes()
    {
        var refusal = new SmtpCommandException(
            SmtpErrorCode.RecipientNotAccepted,
            SmtpStatusCode.MailboxUnavailable,
            new MailboxAddress("Jana", "jana@gross-gerau.example"),
            "5.1.1 <jana@gross-gerau.example>: Recipient address rejected: User unknown");

        var description = EmailSendException.Describe(refusal);

        Assert.DoesNotContain("jana", description, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("SMTP 550", description, StringComparison.Ordinal);
        Assert.Contains("Recipient address rejected", description, StringComparison.Ordinal);
    }

    /// <summary>A new, confirmed account switches e-mail reminders on and sets one, due in three days.</summary>
    private async Task SubscribeToAnEmailReminderAsync(HttpClient client, string email, string name)
    {
        var token = await AccountMail.RegisterConfirmedAsync(App, client, email, Password, name, confirmedAtLeast16: true);
        using (var settings = await SendAsync(client, HttpMethod.Put, "api/v1/notifications/settings", token, new { email = true, push = false, quietStart = "22:00", quietEnd = "07:00" }))
        {
            Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        }

        using var reminder = await SendAsync(client, HttpMethod.Post, "api/v1/reminders", token, new
        {
            kind = "BenefitRenewal",
            dueAt = App.Clock!.GetUtcNow().AddDays(3).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            leadTimeMinutes = new[] { 1440 },
            email = true,
            push = false,
        });
        Assert.Equal(HttpStatusCode.Created, reminder.StatusCode);
    }

    private Task<Guid> TenantIdAsync(string slug) =>
        App.InTenantAsync(slug, sp => Task.FromResult(sp.GetRequiredService<ICurrentTenant>().RequiredId));

    private Task<Guid> CreateOverdueAsync(string slug, string title, TimeSpan overdue) =>
        App.InTenantAsync(slug, async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var now = App.Clock!.GetUtcNow().UtcDateTime;
            var post = Post.CreateDraft(sp.GetRequiredService<ICurrentTenant>().RequiredId, title, "Kurz erklärt", "Text", Topics.Jobsuche, now);
            post.Schedule(now.AddMinutes(1), PostActor.System, now, fourEyesRule: false);
            db.Posts.Add(post);
            ((DbContext)db).Entry(post).Property(p => p.PublishAt).CurrentValue = now - overdue;
            await db.SaveChangesAsync();
            return post.Id;
        });

    /// <summary>The measurements of one host's platform meter, read through a real <see cref="MeterListener"/>.</summary>
    private sealed class MeterRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

        public MeterRecorder(IMeterFactory host)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PlatformMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, host))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => _measurements.Enqueue((i.Name, v, tags.ToArray())));
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => _measurements.Enqueue((i.Name, v, tags.ToArray())));
            _listener.Start();
        }

        public IEnumerable<double> Values(string instrument, string tenant, params (string Key, string Value)[] tags) =>
            _measurements
                .Where(m => m.Instrument == instrument && Has(m.Tags, "tenant.id", tenant) && tags.All(t => Has(m.Tags, t.Key, t.Value)))
                .Select(m => m.Value);

        public long Sum(string instrument, string tenant, params (string Key, string Value)[] tags) =>
            (long)Values(instrument, tenant, tags).Sum();

        /// <summary>Reads the gauge until it shows <paramref name="expected"/> for the tenant (the monitor counts every 100 ms).</summary>
        public async Task<long> EventuallyGaugeAsync(string instrument, string tenant, long expected)
        {
            await EventuallyAsync(
                () =>
                {
                    _measurements.Clear();
                    _listener.RecordObservableInstruments();
                    return Task.FromResult(Values(instrument, tenant).Select(v => (long?)v).LastOrDefault() == expected);
                },
                $"{instrument} = {expected}");
            return expected;
        }

        public void Dispose() => _listener.Dispose();

        private static bool Has(KeyValuePair<string, object?>[] tags, string key, string value) =>
            tags.Any(t => t.Key == key && t.Value?.ToString() == value);
    }
}
