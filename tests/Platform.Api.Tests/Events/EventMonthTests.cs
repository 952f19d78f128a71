using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Posts;
using Platform.TestSupport;

namespace Platform.Api.Tests.Events;

public abstract class EventMonthTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task Events_fall_on_their_Berlin_day_across_the_autumn_clock_change()
    {
        // 25 October 2026: clocks go back from 03:00 CEST to 02:00 CET. 00:30 that night is still CEST (UTC+2), so it
        // is 22:30 UTC on the 24th; 23:30 in the evening is CET (UTC+1), 22:30 UTC on the 25th. The last evening of
        // October in Berlin is 31 October in UTC too, and 00:30 on 1 November in Berlin is still 31 October in UTC.
        var night = await CreateEventAsync("gross-gerau", "Nachtwanderung", new DateTime(2026, 10, 24, 22, 30, 0, DateTimeKind.Utc));
        var evening = await CreateEventAsync("gross-gerau", "Spieleabend", new DateTime(2026, 10, 25, 22, 30, 0, DateTimeKind.Utc));
        var halloween = await CreateEventAsync("gross-gerau", "Halloween", new DateTime(2026, 10, 31, 22, 30, 0, DateTimeKind.Utc));
        var november = await CreateEventAsync("gross-gerau", "Novemberstart", new DateTime(2026, 10, 31, 23, 30, 0, DateTimeKind.Utc));
        var draft = await CreateEventAsync("gross-gerau", "Entwurf", new DateTime(2026, 10, 12, 10, 0, 0, DateTimeKind.Utc), publish: false);
        var other = await CreateEventAsync("offenbach", "Offenbacher Fest", new DateTime(2026, 10, 12, 10, 0, 0, DateTimeKind.Utc));
        using var client = App.CreateTenantClient("gross-gerau");

        var month = await GetJsonAsync(client, "api/v1/events/calendar?month=2026-10");

        Assert.Equal(2026, month.GetProperty("year").GetInt32());
        Assert.Equal(10, month.GetProperty("month").GetInt32());
        // The demo data has events of its own: only this test's events count.
        var mine = new[] { night, evening, halloween, november, draft, other };
        var days = month.GetProperty("days").EnumerateArray()
            .ToDictionary(d => d.GetProperty("date").GetString()!, d => d.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).Where(mine.Contains).ToList())
            .Where(d => d.Value.Count > 0)
            .ToDictionary();
        Assert.Equal(["2026-10-25", "2026-10-31"], days.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([night, evening], days["2026-10-25"]);
        Assert.Equal([halloween], days["2026-10-31"]);
        Assert.DoesNotContain(days.Values.SelectMany(v => v), id => id == november || id == draft || id == other);

        var next = await GetJsonAsync(client, "api/v1/events/calendar?month=2026-11");
        var first = Assert.Single(next.GetProperty("days").EnumerateArray(), d => d.GetProperty("events").EnumerateArray().Any(e => e.GetProperty("id").GetGuid() == november));
        Assert.Equal("2026-11-01", first.GetProperty("date").GetString());

        // The page: the table links the 25th down to that day's list, which shows the Berlin times.
        var html = await client.GetStringAsync(new Uri("veranstaltungen?ansicht=kalender&monat=2026-10", UriKind.Relative));
        Assert.Contains("<caption>Oktober 2026</caption>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"veranstaltungen?ansicht=kalender&amp;monat=2026-10#tag-2026-10-25\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"tag-2026-10-25\"", html, StringComparison.Ordinal);
        var day25 = html[html.IndexOf("id=\"tag-2026-10-25\"", StringComparison.Ordinal)..html.IndexOf("id=\"tag-2026-10-31\"", StringComparison.Ordinal)];
        Assert.Contains("00:30 Uhr", day25, StringComparison.Ordinal);
        Assert.Contains("23:30 Uhr", day25, StringComparison.Ordinal);
        Assert.Contains("Spieleabend", day25, StringComparison.Ordinal);
        Assert.DoesNotContain("Offenbacher Fest", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Entwurf", html, StringComparison.Ordinal);
        Assert.Contains("monat=2026-09", html, StringComparison.Ordinal);
        Assert.Contains("monat=2026-11", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_month_the_current_Berlin_month_is_shown_with_today_marked()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var today = DateOnly.FromDateTime(BerlinTime.ToLocal(DateTime.UtcNow));

        var month = await GetJsonAsync(client, "api/v1/events/calendar");

        Assert.Equal(today.Year, month.GetProperty("year").GetInt32());
        Assert.Equal(today.Month, month.GetProperty("month").GetInt32());
        var html = await client.GetStringAsync(new Uri("veranstaltungen?ansicht=kalender", UriKind.Relative));
        Assert.Contains("aria-current=\"date\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-1")]
    [InlineData("1999-12")]
    [InlineData("kein-monat")]
    [InlineData("2026-1x")]
    public async Task A_bad_month_is_400_naming_month_in_the_api_and_a_friendly_message_on_the_page(string bad)
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var api = await client.GetAsync(new Uri($"api/v1/events/calendar?month={Uri.EscapeDataString(bad)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"month\"", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var page = await client.GetAsync(new Uri($"veranstaltungen?ansicht=kalender&monat={Uri.EscapeDataString(bad)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Diesen Monat kennen wir nicht", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<Guid> CreateEventAsync(string slug, string title, DateTime starts, bool publish = true) =>
        App.InTenantAsync(slug, async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var content = new PostContent
            {
                Title = title,
                Summary = "Komm vorbei!",
                BodyMarkdown = "Alles Weitere vor Ort.",
                Topics = Topics.Ausbildung,
                EventStartsAt = starts,
                EventEndsAt = starts.AddHours(1),
                EventPlace = "Jobcenter",
            };
            var post = Post.Create(sp.GetRequiredService<ICurrentTenant>().RequiredId, content, PostActor.System, starts.AddDays(-30));
            if (publish)
            {
                post.Publish(starts.AddDays(-20));
            }

            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post.Id;
        });
}

public sealed class SqliteEventMonthTests(SqliteApp app) : EventMonthTests<SqliteApp>(app);

public sealed class PostgresEventMonthTests(PostgresApp app) : EventMonthTests<PostgresApp>(app);
