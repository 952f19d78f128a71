using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Accounts;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Reminders;
using Platform.Infrastructure.Jobs;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Reminders;

/// <summary>
/// The connect-time wall against server-side request forgery: a host that passes the allow-list but resolves to an
/// internal address (here <c>localhost</c>, as after DNS rebinding) is never connected to. The host runs without the
/// tests' loopback exception and with <c>localhost</c> as its only permitted push service.
/// </summary>
public abstract class PushConnectionGuardTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task A_permitted_host_that_resolves_to_an_internal_address_is_never_connected_to()
    {
        await using var probe = new ConnectionProbe();
        using var browser = new BrowserKeys();
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await AccountMail.RegisterConfirmedAsync(App, client, "rebind@example.org", "Ein langer Satz als Passwort", "Rebecca", confirmedAtLeast16: true);
        var quiet = BerlinTime.ToLocal(DateTime.UtcNow);
        using (var settings = await SendAsync(client, HttpMethod.Put, "api/v1/notifications/settings", token, new
        {
            email = false,
            push = true,
            quietStart = quiet.AddHours(6).ToString("HH:mm", CultureInfo.InvariantCulture),
            quietEnd = quiet.AddHours(7).ToString("HH:mm", CultureInfo.InvariantCulture),
        }))
        {
            Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        }

        using (var loopback = await SendAsync(client, HttpMethod.Post, "api/v1/notifications/push-subscriptions", token, new
        {
            endpoint = $"http://127.0.0.1:{probe.Port}/push",
            p256dh = browser.PublicKey,
            auth = browser.Auth,
        }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, loopback.StatusCode);
        }

        using (var subscribed = await SendAsync(client, HttpMethod.Post, "api/v1/notifications/push-subscriptions", token, new
        {
            endpoint = $"https://localhost:{probe.Port}/push",
            p256dh = browser.PublicKey,
            auth = browser.Auth,
        }))
        {
            Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        }

        using (var reminder = await SendAsync(client, HttpMethod.Post, "api/v1/reminders", token, new
        {
            kind = "BenefitRenewal",
            dueAt = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            leadTimeMinutes = new[] { 1440 },
            push = true,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, reminder.StatusCode);
        }

        await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().ReminderDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, DateTime.UtcNow.AddSeconds(-1))));
        await App.Services.GetRequiredService<DeliverNotificationsJob>().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(0, probe.Connections);
        var subscription = await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().PushSubscriptions.AsNoTracking().SingleAsync());
        Assert.Equal(1, subscription.FailedAttempts);
    }
}

/// <summary>A host whose only permitted push service is <c>localhost</c>, without the tests' loopback exception.</summary>
public class PushGuardApp(DatabaseProvider provider) : PlatformApp(provider)
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Platform:Push:AllowLoopbackForTests", "false");
        builder.UseSetting("Platform:Push:AllowedHosts:0", "localhost");
    }
}

public sealed class SqlitePushGuardApp() : PushGuardApp(DatabaseProvider.Sqlite);

public sealed class PostgresPushGuardApp() : PushGuardApp(DatabaseProvider.PostgreSql);

public sealed class SqlitePushConnectionGuardTests(SqlitePushGuardApp app) : PushConnectionGuardTests<SqlitePushGuardApp>(app);

public sealed class PostgresPushConnectionGuardTests(PostgresPushGuardApp app) : PushConnectionGuardTests<PostgresPushGuardApp>(app);
