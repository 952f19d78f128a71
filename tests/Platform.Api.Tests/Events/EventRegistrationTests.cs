using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Domain.Events;
using Platform.Domain.Posts;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Events;

public abstract class EventRegistrationTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task Seats_go_first_then_the_waiting_list_and_registering_twice_changes_nothing()
    {
        var eventId = await CreateEventAsync("gross-gerau", "Bewerbungstraining", capacity: 2);
        var tokens = await YoungPeopleAsync("gross-gerau", 3);
        using var client = App.CreateTenantClient("gross-gerau");

        var answers = new List<JsonElement>();
        foreach (var token in tokens)
        {
            answers.Add(await RegisterAsync(client, token, eventId));
        }

        Assert.Equal(["confirmed", "confirmed", "waitlisted"], answers.Select(a => a.GetProperty("status").GetString()));
        Assert.Equal(1, answers[2].GetProperty("waitingPlace").GetInt32());
        var again = await RegisterAsync(client, tokens[2], eventId);
        Assert.Equal("waitlisted", again.GetProperty("status").GetString());

        var ev = await GetJsonAsync(client, tokens[2], $"api/v1/events/{eventId}");
        Assert.Equal(0, ev.GetProperty("seatsLeft").GetInt32());
        Assert.Equal(2, ev.GetProperty("confirmed").GetInt32());
        Assert.Equal(1, ev.GetProperty("waiting").GetInt32());
        Assert.Equal("waitlisted", ev.GetProperty("my").GetProperty("status").GetString());
        Assert.Equal(1, ev.GetProperty("my").GetProperty("waitingPlace").GetInt32());

        var list = await GetJsonAsync(client, "api/v1/events");
        var listed = list.EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == eventId);
        Assert.Equal(0, listed.GetProperty("seatsLeft").GetInt32());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("my").ValueKind);
    }

    [Fact]
    public async Task Twenty_concurrent_registrations_for_five_seats_confirm_exactly_five()
    {
        var eventId = await CreateEventAsync("gross-gerau", "Messebesuch", capacity: 5);
        var tokens = await YoungPeopleAsync("gross-gerau", 20);
        using var client = App.CreateTenantClient("gross-gerau");

        var answers = await Task.WhenAll(tokens.Select(t => RegisterAsync(client, t, eventId)));

        Assert.Equal(5, answers.Count(a => a.GetProperty("status").GetString() == "confirmed"));
        Assert.Equal(15, answers.Count(a => a.GetProperty("status").GetString() == "waitlisted"));
        var rows = await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().EventRegistrations
            .Where(r => r.PostId == eventId).Select(r => new { r.Status, r.Position }).ToListAsync());
        Assert.Equal(5, rows.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(15, rows.Count(r => r.Status == RegistrationStatus.Waitlisted));
        Assert.Equal(20, rows.Select(r => r.Position).Distinct().Count());

        // Whoever came first got the seats: every confirmed position is before every waiting one.
        Assert.True(rows.Where(r => r.Status == RegistrationStatus.Confirmed).Max(r => r.Position)
            < rows.Where(r => r.Status == RegistrationStatus.Waitlisted).Min(r => r.Position));
    }

    [Fact]
    public async Task Cancelling_a_seat_moves_the_first_waiting_person_up()
    {
        var eventId = await CreateEventAsync("gross-gerau", "Kochkurs", capacity: 1);
        var tokens = await YoungPeopleAsync("gross-gerau", 3);
        using var client = App.CreateTenantClient("gross-gerau");
        foreach (var token in tokens)
        {
            await RegisterAsync(client, token, eventId);
        }

        using var cancelled = await SendAsync(client, HttpMethod.Delete, $"api/v1/events/{eventId}/registration", tokens[0]);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var answer = await ReadJsonAsync(cancelled);
        Assert.Equal("cancelled", answer.GetProperty("status").GetString());

        var second = await GetJsonAsync(client, tokens[1], $"api/v1/events/{eventId}");
        Assert.Equal("confirmed", second.GetProperty("my").GetProperty("status").GetString());
        var third = await GetJsonAsync(client, tokens[2], $"api/v1/events/{eventId}");
        Assert.Equal("waitlisted", third.GetProperty("my").GetProperty("status").GetString());
        Assert.Equal(1, third.GetProperty("my").GetProperty("waitingPlace").GetInt32());
        var first = await GetJsonAsync(client, tokens[0], $"api/v1/events/{eventId}");
        Assert.Equal(JsonValueKind.Null, first.GetProperty("my").ValueKind);

        var promoted = await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().EventRegistrations
            .Where(r => r.PostId == eventId && r.PromotedAt != null).Select(r => r.UserId).ToListAsync());
        Assert.Equal(answer.GetProperty("promotedUserId").GetGuid(), Assert.Single(promoted));

        // Cancelling again: there is nothing to cancel.
        using var twice = await SendAsync(client, HttpMethod.Delete, $"api/v1/events/{eventId}/registration", tokens[0]);
        Assert.Equal(HttpStatusCode.NotFound, twice.StatusCode);
    }

    [Fact]
    public async Task The_ics_file_has_the_event_in_utc_with_escaped_and_folded_text()
    {
        // 18 March 2027, 17:30 in Berlin (CET, UTC+1) is 16:30 UTC.
        var starts = new DateTime(2027, 3, 18, 16, 30, 0, DateTimeKind.Utc);
        var summary = "Wir üben Vorstellungsgespräche; bring deinen Lebenslauf mit, wenn du hast.\nDanach gibt es Pizza für alle, die noch Hunger haben – und Getränke.";
        var eventId = await CreateEventAsync("gross-gerau", "Training: Bewerbung, Gespräch; Tipps", capacity: 10, starts: starts, summary: summary, place: "Jobcenter, Raum 1");
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.GetAsync(new Uri($"api/v1/events/{eventId}.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var raw = Encoding.UTF8.GetString(bytes);
        Assert.EndsWith("\r\n", raw, StringComparison.Ordinal);
        var physical = raw.Split("\r\n")[..^1];
        Assert.All(physical, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"longer than 75 octets: {l}"));
        Assert.DoesNotContain('\n', string.Concat(physical));
        var lines = Unfold(physical);
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("DTSTART:20270318T163000Z", lines);
        Assert.Contains("DTEND:20270318T183000Z", lines);
        Assert.Contains("SUMMARY:Training: Bewerbung\\, Gespräch\\; Tipps", lines);
        Assert.Contains("LOCATION:Jobcenter\\, Raum 1", lines);
        Assert.Contains(
            "DESCRIPTION:Wir üben Vorstellungsgespräche\\; bring deinen Lebenslauf mit\\, wenn du hast.\\nDanach gibt es Pizza für alle\\, die noch Hunger haben – und Getränke.",
            lines);
        Assert.Contains(lines, l => l.StartsWith($"UID:{eventId:D}@", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("DTSTAMP:", StringComparison.Ordinal) && l.EndsWith('Z'));
        Assert.True(physical.Length > lines.Count, "the long description is folded");
    }

    [Fact]
    public async Task The_feed_has_only_this_tenants_published_upcoming_events()
    {
        var published = await CreateEventAsync("gross-gerau", "Sommerfest", capacity: null);
        var draft = await CreateEventAsync("gross-gerau", "Entwurf", capacity: null, publish: false);
        var past = await CreateEventAsync("gross-gerau", "Vorbei", capacity: null, starts: DateTime.UtcNow.AddDays(-3));
        var other = await CreateEventAsync("offenbach", "Offenbacher Fest", capacity: null);
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.GetAsync(new Uri("api/v1/events/feed.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var lines = Unfold((await response.Content.ReadAsStringAsync()).Split("\r\n"));
        var uids = lines.Where(l => l.StartsWith("UID:", StringComparison.Ordinal)).ToList();
        Assert.Contains(uids, u => u.StartsWith($"UID:{published:D}@", StringComparison.Ordinal));
        Assert.DoesNotContain(uids, u => u.Contains($"{draft:D}", StringComparison.Ordinal));
        Assert.DoesNotContain(uids, u => u.Contains($"{past:D}", StringComparison.Ordinal));
        Assert.DoesNotContain(uids, u => u.Contains($"{other:D}", StringComparison.Ordinal));
        Assert.Equal(lines.Count(l => l == "BEGIN:VEVENT"), uids.Count);

        var list = await GetJsonAsync(client, "api/v1/events");
        var ids = list.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(published, ids);
        Assert.DoesNotContain(draft, ids);
        Assert.DoesNotContain(past, ids);
        Assert.DoesNotContain(other, ids);
    }

    [Fact]
    public async Task Another_tenants_event_is_404_anonymous_registration_401_and_bad_ids_400()
    {
        var other = await CreateEventAsync("offenbach", "Offenbacher Fest", capacity: 3);
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, "jana@gross-gerau.example");

        foreach (var url in new[] { $"api/v1/events/{other}", $"api/v1/events/{other}.ics" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using (var register = await SendAsync(client, HttpMethod.Post, $"api/v1/events/{other}/registration", token))
        {
            Assert.Equal(HttpStatusCode.NotFound, register.StatusCode);
            Assert.Equal("application/problem+json", register.Content.Headers.ContentType?.MediaType);
        }

        var own = await CreateEventAsync("gross-gerau", "Eigenes Fest", capacity: 3);
        using (var anonymous = await client.PostAsync(new Uri($"api/v1/events/{own}/registration", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        foreach (var (method, url) in new[]
        {
            (HttpMethod.Get, "api/v1/events/kein-guid"),
            (HttpMethod.Get, "api/v1/events/kein-guid.ics"),
            (HttpMethod.Post, "api/v1/events/kein-guid/registration"),
            (HttpMethod.Delete, $"api/v1/events/{Guid.Empty}/registration"),
        })
        {
            using var response = await SendAsync(client, method, url, token);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Registrations_are_in_my_data_and_go_with_the_account_and_free_the_seat()
    {
        var eventId = await CreateEventAsync("gross-gerau", "Stadtführung", capacity: 1);
        using var client = App.CreateTenantClient("gross-gerau");
        var jana = await SignInAsync(client, "jana@gross-gerau.example");
        var waiting = (await YoungPeopleAsync("gross-gerau", 1))[0];
        await RegisterAsync(client, jana, eventId);
        await RegisterAsync(client, waiting, eventId);

        var data = await GetJsonAsync(client, jana, "api/v1/me/data");
        var registration = Assert.Single(data.GetProperty("eventRegistrations").EnumerateArray());
        Assert.Equal(eventId, registration.GetProperty("eventId").GetGuid());
        Assert.Equal("Stadtführung", registration.GetProperty("event").GetString());
        Assert.Equal("confirmed", registration.GetProperty("status").GetString());

        using var deleted = await SendAsync(client, HttpMethod.Post, "api/v1/me/deletion", jana, new { password = DatabaseInitializer.DemoPassword });
        Assert.True(deleted.IsSuccessStatusCode, $"{(int)deleted.StatusCode}");

        var left = await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().EventRegistrations
            .Where(r => r.PostId == eventId).Select(r => r.Status).ToListAsync());
        Assert.Equal([RegistrationStatus.Confirmed], left);
    }

    private static async Task<JsonElement> RegisterAsync(HttpClient client, string token, Guid eventId)
    {
        using var response = await SendAsync(client, HttpMethod.Post, $"api/v1/events/{eventId}/registration", token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"register: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await ReadJsonAsync(response);
    }

    private static List<string> Unfold(IEnumerable<string> physical)
    {
        var lines = new List<string>();
        foreach (var line in physical.Where(l => l.Length > 0))
        {
            if (line[0] == ' ')
            {
                lines[^1] += line[1..];
            }
            else
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private async Task<List<string>> YoungPeopleAsync(string slug, int count)
    {
        var emails = Enumerable.Range(1, count).Select(i => $"jugend{i}-{Guid.NewGuid():N}@{slug}.example").ToList();
        await App.InTenantAsync(slug, async sp =>
        {
            var accounts = sp.GetRequiredService<IAccountService>();
            foreach (var email in emails)
            {
                var result = await accounts.CreateAsync(new NewAccount(email, DatabaseInitializer.DemoPassword, "Jugend", true, true, null), CancellationToken.None);
                Assert.True(result.Succeeded, string.Join(", ", result.Errors.SelectMany(e => e.Value)));
            }
        });
        using var client = App.CreateTenantClient(slug);
        var tokens = new List<string>();
        foreach (var email in emails)
        {
            tokens.Add(await SignInAsync(client, email));
        }

        return tokens;
    }

    private Task<Guid> CreateEventAsync(
        string slug, string title, int? capacity, DateTime? starts = null, string summary = "Komm vorbei!", string? place = "Jobcenter", bool publish = true) =>
        App.InTenantAsync(slug, async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var start = starts ?? DateTime.UtcNow.AddDays(7);
            var content = new PostContent
            {
                Title = title,
                Summary = summary,
                BodyMarkdown = "Alles Weitere vor Ort.",
                Topics = Topics.Ausbildung,
                EventStartsAt = start,
                EventEndsAt = start.AddHours(2),
                EventPlace = place,
                EventCapacity = capacity,
            };
            var post = Post.Create(sp.GetRequiredService<ICurrentTenant>().RequiredId, content, PostActor.System, DateTime.UtcNow.AddDays(-10));
            if (publish)
            {
                post.Publish(DateTime.UtcNow);
            }

            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post.Id;
        });
}

/// <summary>Many young people sign in within a minute here; the sign-in limit is tested elsewhere.</summary>
public sealed class SqliteEventsApp() : PlatformApp(DatabaseProvider.Sqlite)
{
    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting("Platform:RateLimits:SignInPerMinute", "1000");
}

public sealed class PostgresEventsApp() : PlatformApp(DatabaseProvider.PostgreSql)
{
    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting("Platform:RateLimits:SignInPerMinute", "1000");
}

public sealed class SqliteEventRegistrationTests(SqliteEventsApp app) : EventRegistrationTests<SqliteEventsApp>(app);

public sealed class PostgresEventRegistrationTests(PostgresEventsApp app) : EventRegistrationTests<PostgresEventsApp>(app);
