using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.Domain.Reminders;
using Platform.Infrastructure.Jobs;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Events;

/// <summary>
/// Moving up from the waiting list is told to the person: in the notification centre, and by e-mail through the real
/// SMTP sink when they opted in; once, also when two seats free up at the same moment and the engine runs twice.
/// </summary>
public abstract class WaitingListPromotionTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task Two_concurrent_cancellations_tell_each_person_moved_up_once_in_app_and_by_email_only_with_consent()
    {
        var starts = new DateTime(2027, 3, 18, 16, 30, 0, DateTimeKind.Utc);
        var eventId = await CreateEventAsync("gross-gerau", "Bewerbungsfotos", capacity: 2, starts);
        var stamp = Guid.NewGuid().ToString("N")[..8];
        var (seated1, seated2, mailed, quiet) = ($"sitz1-{stamp}@example.org", $"sitz2-{stamp}@example.org", $"warte-mail-{stamp}@example.org", $"warte-still-{stamp}@example.org");
        await CreateAccountsAsync("gross-gerau", seated1, seated2, mailed, quiet);
        using var client = App.CreateTenantClient("gross-gerau");
        var tokens = new Dictionary<string, string>();
        foreach (var email in new[] { seated1, seated2, mailed, quiet })
        {
            tokens[email] = await SignInAsync(client, email);
        }

        using (var settings = await SendAsync(client, HttpMethod.Put, "api/v1/notifications/settings", tokens[mailed], new { email = true, push = false, quietStart = "22:00", quietEnd = "07:00" }))
        {
            Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        }

        foreach (var email in new[] { seated1, seated2, mailed, quiet })
        {
            using var registered = await SendAsync(client, HttpMethod.Post, $"api/v1/events/{eventId}/registration", tokens[email]);
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }

        var cancellations = await Task.WhenAll(
            SendAsync(client, HttpMethod.Delete, $"api/v1/events/{eventId}/registration", tokens[seated1]),
            SendAsync(client, HttpMethod.Delete, $"api/v1/events/{eventId}/registration", tokens[seated2]));
        Assert.All(cancellations, c => Assert.Equal(HttpStatusCode.OK, c.StatusCode));
        foreach (var c in cancellations)
        {
            c.Dispose();
        }

        var job = App.Services.GetRequiredService<DeliverNotificationsJob>();
        await Task.WhenAll(job.DeliverDueAsync(CancellationToken.None), job.DeliverDueAsync(CancellationToken.None));
        var mail = await App.Mail.WaitForMessageToAsync(mailed);
        await job.DeliverDueAsync(CancellationToken.None);

        Assert.Equal("Du hast einen Platz bekommen", mail.Subject);
        // 16:30 UTC on 18 March 2027 is 17:30 in Berlin (CET).
        Assert.Contains("„Bewerbungsfotos“ am Donnerstag, 18. März 2027 um 17:30 Uhr", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"http://gross-gerau.localhost/posts/{eventId}", mail.Text, StringComparison.Ordinal);
        Assert.Contains("http://gross-gerau.localhost/abmelden-benachrichtigung?token=", mail.Text, StringComparison.Ordinal);
        Assert.Single(App.Mail.To(mailed));
        Assert.Empty(App.Mail.To(quiet));

        foreach (var email in new[] { mailed, quiet })
        {
            var me = await GetJsonAsync(client, tokens[email], $"api/v1/events/{eventId}");
            Assert.Equal("confirmed", me.GetProperty("my").GetProperty("status").GetString());
            var center = await GetJsonAsync(client, tokens[email], "api/v1/notifications");
            var item = Assert.Single(center.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == "Du hast einen Platz bekommen");
            Assert.Contains("Bewerbungsfotos", item.GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        foreach (var email in new[] { seated1, seated2 })
        {
            var center = await GetJsonAsync(client, tokens[email], "api/v1/notifications");
            Assert.DoesNotContain(center.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == "Du hast einen Platz bekommen");
        }

        var deliveries = await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().ReminderDeliveries
            .Where(d => d.Key.StartsWith("w:")).Select(d => new { d.Channel, d.Status }).ToListAsync());
        Assert.Equal(3, deliveries.Count);
        Assert.Equal(2, deliveries.Count(d => d.Channel == NotificationChannel.InApp));
        Assert.Single(deliveries, d => d.Channel == NotificationChannel.Email);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task Cancelling_a_waiting_place_moves_nobody_up_and_tells_nobody()
    {
        var eventId = await CreateEventAsync("gross-gerau", "Stadtrallye", capacity: 1, DateTime.UtcNow.AddDays(5));
        var stamp = Guid.NewGuid().ToString("N")[..8];
        var (seated, waiting) = ($"sitz-{stamp}@example.org", $"warte-{stamp}@example.org");
        await CreateAccountsAsync("gross-gerau", seated, waiting);
        using var client = App.CreateTenantClient("gross-gerau");
        var seatedToken = await SignInAsync(client, seated);
        var waitingToken = await SignInAsync(client, waiting);
        foreach (var token in new[] { seatedToken, waitingToken })
        {
            using var registered = await SendAsync(client, HttpMethod.Post, $"api/v1/events/{eventId}/registration", token);
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }

        using var cancelled = await SendAsync(client, HttpMethod.Delete, $"api/v1/events/{eventId}/registration", waitingToken);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await ReadJsonAsync(cancelled)).GetProperty("promotedUserId").ValueKind);

        Assert.Equal(0, await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().ReminderDeliveries.CountAsync(d => d.Key.StartsWith("w:"))));
    }

    private Task CreateAccountsAsync(string slug, params string[] emails) =>
        App.InTenantAsync(slug, async sp =>
        {
            var accounts = sp.GetRequiredService<IAccountService>();
            foreach (var email in emails)
            {
                var result = await accounts.CreateAsync(new NewAccount(email, DatabaseInitializer.DemoPassword, "Jugend", true, true, null), CancellationToken.None);
                Assert.True(result.Succeeded, string.Join(", ", result.Errors.SelectMany(e => e.Value)));
            }
        });

    private Task<Guid> CreateEventAsync(string slug, string title, int capacity, DateTime starts) =>
        App.InTenantAsync(slug, async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var content = new PostContent
            {
                Title = title,
                Summary = "Komm vorbei!",
                BodyMarkdown = "Alles Weitere vor Ort.",
                Topics = Topics.Jobsuche,
                EventStartsAt = starts,
                EventEndsAt = starts.AddHours(2),
                EventPlace = "Jobcenter",
                EventCapacity = capacity,
            };
            var post = Post.Create(sp.GetRequiredService<ICurrentTenant>().RequiredId, content, PostActor.System, DateTime.UtcNow.AddDays(-10));
            post.Publish(DateTime.UtcNow);
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post.Id;
        });
}

public sealed class SqliteWaitingListPromotionTests(SqliteEventsApp app) : WaitingListPromotionTests<SqliteEventsApp>(app);

public sealed class PostgresWaitingListPromotionTests(PostgresEventsApp app) : WaitingListPromotionTests<PostgresEventsApp>(app);
