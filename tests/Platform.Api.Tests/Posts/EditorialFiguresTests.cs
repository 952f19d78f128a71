using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Application.Resources;
using Platform.Domain.Events;
using Platform.Domain.Posts;
using Platform.Domain.Reminders;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Posts;

/// <summary>
/// /redaktion/zahlen and its API: reads and helpful answers per post and topic over 7, 30 or 90 days, each figure below
/// 5 as "&lt; 5" and no total that gives one away; one jobcenter's figures never show in another's.
/// </summary>
public abstract partial class EditorialFiguresTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private static DateOnly Today => PostViewDay.DayOf(DateTime.UtcNow);

    [Fact]
    public async Task The_page_shows_figures_below_five_as_below_five_and_five_or_more_exactly()
    {
        var small = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Kleiner Beitrag");
        var five = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Genau fünf");
        var big = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Großer Beitrag");
        await SeedReadsAsync("gross-gerau", small, (Today, 4));
        await SeedReadsAsync("gross-gerau", five, (Today, 5));
        await SeedReadsAsync("gross-gerau", big, (Today, 7), (Today.AddDays(-3), 6));
        await SeedAnswersAsync("gross-gerau", small, Today, yes: 3, no: 6);
        using var client = await SignedInAsync("redaktion@gross-gerau.example");

        var page = await GetPageAsync(client, "redaktion/zahlen");

        Assert.Equal(["&lt; 5", "&lt; 5", "6"], Cells(page, small));
        Assert.Equal(["5", "&lt; 5", "&lt; 5"], Cells(page, five));
        Assert.Equal(["13", "&lt; 5", "&lt; 5"], Cells(page, big));
        Assert.Contains("aria-current=\"page\">30 Tage</a>", page, StringComparison.Ordinal);

        // The top list holds only exactly counted posts, most read first.
        var top = TopList().Match(page).Value;
        Assert.True(top.IndexOf("Großer Beitrag", StringComparison.Ordinal) < top.IndexOf("Genau fünf", StringComparison.Ordinal), top);
        Assert.DoesNotContain("Kleiner Beitrag", top, StringComparison.Ordinal);

        // 4 + 5 + 13 = 22 would give the 4 away (22 − 5 − 13): the topic shows only what the list shows anyway.
        Assert.Equal("≥ 18", TopicCell(page, "Wohnen"));
        Assert.DoesNotContain("22", Figure().Matches(page).Select(m => m.Groups["text"].Value));
    }

    [Fact]
    public async Task A_topic_whose_posts_are_all_counted_exactly_shows_its_exact_total()
    {
        var first = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Erster");
        var second = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Zweiter");
        await SeedReadsAsync("gross-gerau", first, (Today, 6));
        await SeedReadsAsync("gross-gerau", second, (Today, 9));
        using var client = await SignedInAsync("admin@gross-gerau.example");

        var page = await GetPageAsync(client, "redaktion/zahlen?tage=7");

        Assert.Equal("15", TopicCell(page, "Wohnen"));
        Assert.Contains("aria-current=\"page\">7 Tage</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_switch_counts_seven_thirty_or_ninety_days()
    {
        var post = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Zeitraum");
        await SeedReadsAsync("gross-gerau", post, (Today, 5), (Today.AddDays(-10), 6), (Today.AddDays(-60), 7), (Today.AddDays(-100), 100));
        using var client = await SignedInAsync("redaktion@gross-gerau.example");

        Assert.Equal("5", Cells(await GetPageAsync(client, "redaktion/zahlen?tage=7"), post)[0]);
        Assert.Equal("11", Cells(await GetPageAsync(client, "redaktion/zahlen?tage=30"), post)[0]);
        Assert.Equal("11", Cells(await GetPageAsync(client, "redaktion/zahlen"), post)[0]);
        Assert.Equal("18", Cells(await GetPageAsync(client, "redaktion/zahlen?tage=90"), post)[0]);
        Assert.Equal("11", Cells(await GetPageAsync(client, "redaktion/zahlen?tage=abc"), post)[0]);
    }

    [Fact]
    public async Task Offenbachs_figures_never_appear_on_gross_geraus_page_or_export()
    {
        var home = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Bei uns");
        var foreign = await BookmarkTests<TApp>.CreatePostAsync(App, "offenbach", "Offenbacher Geheimtipp");
        await SeedReadsAsync("gross-gerau", home, (Today, 8));
        await SeedReadsAsync("offenbach", foreign, (Today, 777));
        await SeedAnswersAsync("offenbach", foreign, Today, yes: 555, no: 444);
        using var client = await SignedInAsync("redaktion@gross-gerau.example");

        var page = await GetPageAsync(client, "redaktion/zahlen?tage=90");
        using var csv = await client.GetAsync(new Uri("api/v1/editorial/figures.csv?days=90", UriKind.Relative));
        var text = await csv.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        foreach (var leak in new[] { "Offenbacher Geheimtipp", foreign.ToString() })
        {
            Assert.DoesNotContain(leak, page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(leak, text, StringComparison.OrdinalIgnoreCase);
        }

        // Offenbach's counts, as figures (a post id may hold "777" by chance: only cells are compared).
        var figures = Figure().Matches(page).Select(m => m.Groups["text"].Value).ToList();
        var cells = text.Split(["\r\n", ";"], StringSplitOptions.None);
        foreach (var leak in new[] { "777", "555", "444" })
        {
            Assert.DoesNotContain(leak, figures);
            Assert.DoesNotContain(leak, cells);
        }

        Assert.Equal("8", Cells(page, home)[0]);
    }

    [Fact]
    public async Task The_csv_has_its_header_and_the_same_below_five_rule()
    {
        var small = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Klein; mit \"Zeichen\"");
        var big = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "=Groß");
        await SeedReadsAsync("gross-gerau", small, (Today, 2));
        await SeedReadsAsync("gross-gerau", big, (Today, 40));
        await SeedAnswersAsync("gross-gerau", big, Today, yes: 5, no: 1);
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, "redaktion@gross-gerau.example");

        using var response = await SendAsync(client, HttpMethod.Get, "api/v1/editorial/figures.csv?days=30", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Art;ID;Titel;Aufrufe;Hilfreich ja;Hilfreich nein;Plätze;Angemeldet;Warteliste;Aufrufe im Netzwerk;Jobcenter", lines[0]);
        Assert.All(lines, l => Assert.Equal(10, l.Count(c => c == ';') - (l.Contains("Zeichen", StringComparison.Ordinal) ? 1 : 0)));
        var trimmed = lines.Select(l => l.TrimEnd(';')).ToList();
        Assert.Contains($"Beitrag;{big};'=Groß;40;5;< 5", trimmed);
        Assert.Contains($"Beitrag;{small};\"Klein; mit \"\"Zeichen\"\"\";< 5;< 5;< 5", trimmed);
        Assert.Contains("Thema;Wohnen;Wohnen;≥ 40", trimmed);
    }

    [Fact]
    public async Task The_api_gives_the_same_figures_as_json_and_refuses_other_periods()
    {
        var small = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Klein");
        var big = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Groß");
        await SeedReadsAsync("gross-gerau", small, (Today, 3));
        await SeedReadsAsync("gross-gerau", big, (Today, 30));
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, "redaktion@gross-gerau.example");

        var figures = await GetJsonAsync(client, token, "api/v1/editorial/figures?days=7");
        Assert.Equal(7, figures.GetProperty("days").GetInt32());
        Assert.Equal(5, figures.GetProperty("threshold").GetInt32());
        var posts = figures.GetProperty("posts").EnumerateArray().ToDictionary(p => p.GetProperty("postId").GetGuid(), p => p.GetProperty("reads"));
        Assert.Equal("< 5", posts[small].GetProperty("text").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, posts[small].GetProperty("count").ValueKind);
        Assert.Equal(30, posts[big].GetProperty("count").GetInt32());
        Assert.Equal(big, Assert.Single(figures.GetProperty("top").EnumerateArray()).GetProperty("postId").GetGuid());

        using var wrong = await SendAsync(client, HttpMethod.Get, "api/v1/editorial/figures?days=5", token);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await ReadJsonAsync(wrong)).GetProperty("errors").TryGetProperty("days", out _));
    }

    [Fact]
    public async Task Young_people_and_anonymous_visitors_see_no_figures()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var jana = await SignInAsync(client, "jana@gross-gerau.example");

        using (var young = await SendAsync(client, HttpMethod.Get, "api/v1/editorial/figures", jana))
        {
            Assert.Equal(HttpStatusCode.Forbidden, young.StatusCode);
        }

        using var anonymous = App.CreateTenantClient("gross-gerau");
        using var csv = await anonymous.GetAsync(new Uri("api/v1/editorial/figures.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, csv.StatusCode);
        using var page = await anonymous.GetAsync(new Uri("redaktion/zahlen", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Events_show_their_seats_and_sign_ups_and_reminders_their_counts_with_the_same_rule()
    {
        var starts = DateTime.UtcNow.AddDays(10);
        var eventId = await App.InTenantAsync("gross-gerau", async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var tenant = sp.GetRequiredService<ICurrentTenant>().RequiredId;
            var content = new PostContent
            {
                Title = "Bewerbungstraining",
                Summary = "Kurz gesagt.",
                BodyMarkdown = "Mehr hier.",
                Topics = Topics.Jobsuche,
                EventStartsAt = starts,
                EventEndsAt = starts.AddHours(2),
                EventPlace = "Jobcenter",
                EventCapacity = 20,
            };
            var post = Post.Create(tenant, content, PostActor.System, DateTime.UtcNow.AddDays(-1));
            post.Publish(DateTime.UtcNow);
            db.Posts.Add(post);
            var users = await db.Users.Where(u => u.Email!.EndsWith("@gross-gerau.example")).Select(u => u.Id).Take(2).ToListAsync();
            Assert.Equal(2, users.Count);
            db.EventRegistrations.AddRange(users.Select((u, i) => EventRegistration.Create(tenant, post.Id, u, seatFree: true, i + 1, DateTime.UtcNow)));

            // Six reminder mails and one push sent in the period, one mail sent long before it.
            var wording = NotificationTexts.For("de");
            for (var i = 0; i < 8; i++)
            {
                var delivery = ReminderDelivery.ForPost(tenant, Guid.NewGuid(), "Neu", users[0], null, i == 6 ? NotificationChannel.Push : NotificationChannel.Email, DateTime.UtcNow, wording);
                delivery.MarkSent(i == 7 ? DateTime.UtcNow.AddDays(-200) : DateTime.UtcNow.AddMinutes(-i));
                db.ReminderDeliveries.Add(delivery);
            }

            db.ConsentRecords.AddRange(Enumerable.Range(0, 5).Select(_ => ConsentRecord.Create(tenant, users[1], ConsentRecord.EmailReminders, given: false, DateTime.UtcNow)));
            db.ConsentRecords.Add(ConsentRecord.Create(tenant, users[1], ConsentRecord.EmailReminders, given: true, DateTime.UtcNow));
            await db.SaveChangesAsync();
            return post.Id;
        });
        using var client = await SignedInAsync("redaktion@gross-gerau.example");

        var page = await GetPageAsync(client, "redaktion/zahlen");

        var row = Regex.Match(page, $"<tr data-event=\"{eventId}\">(?<row>.*?)</tr>", RegexOptions.Singleline).Groups["row"].Value;
        Assert.Contains("<td>20</td>", row, StringComparison.Ordinal);
        Assert.Equal(["&lt; 5", "&lt; 5"], Figure().Matches(row).Select(m => m.Groups["text"].Value));
        Assert.Equal("6", ReminderCell(page, "email"));
        Assert.Equal("&lt; 5", ReminderCell(page, "push"));
        Assert.Equal("5", ReminderCell(page, "unsubscribed"));

        using var csv = await client.GetAsync(new Uri("api/v1/editorial/figures.csv", UriKind.Relative));
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"Veranstaltung;{eventId};Bewerbungstraining;;;;20;< 5;< 5;;", lines);
        Assert.Contains("Erinnerungen;email;Per E-Mail verschickt;6;;;;;;;", lines);
        Assert.Contains("Erinnerungen;push;Per Push verschickt;< 5;;;;;;;", lines);
    }

    [Fact]
    public async Task Library_posts_show_their_reads_here_and_summed_over_the_network_and_no_other_jobcenters_own()
    {
        using var gg = App.CreateTenantClient("gross-gerau");
        using var of = App.CreateTenantClient("offenbach");
        var network = await SignInWithSecondFactorAsync(App, gg, "gross-gerau", "netzwerk@gross-gerau.example");
        var otherNetwork = await SignInWithSecondFactorAsync(App, of, "offenbach", "netzwerk@offenbach.example");
        var editorGg = await SignInAsync(gg, "redaktion@gross-gerau.example");
        var editorOf = await SignInAsync(of, "redaktion@offenbach.example");
        async Task<Guid> ItemAsync(string title)
        {
            var id = (await JsonAsync(gg, HttpMethod.Post, "api/v1/library", network, new { title, summary = "Für alle", bodyMarkdown = "Text", topics = new[] { "Ausbildung" } })).GetProperty("id").GetGuid();
            await JsonAsync(gg, HttpMethod.Post, $"api/v1/library/{id}/submit", network);
            await JsonAsync(of, HttpMethod.Post, $"api/v1/library/{id}/approve", otherNetwork);
            return id;
        }

        async Task<Guid> AdoptAsync(HttpClient client, string token, Guid item) =>
            (await JsonAsync(client, HttpMethod.Post, $"api/v1/library/{item}/adopt", token, new { })).GetProperty("postId").GetGuid();

        var both = await ItemAsync("Bewerbung im Netzwerk");
        var fewElsewhere = await ItemAsync("Praktikum im Netzwerk");
        var onlyOffenbach = await ItemAsync("Wohnen im Netzwerk");
        await SeedReadsAsync("gross-gerau", await AdoptAsync(gg, editorGg, both), (Today, 7));
        await SeedReadsAsync("offenbach", await AdoptAsync(of, editorOf, both), (Today, 9));
        await SeedReadsAsync("gross-gerau", await AdoptAsync(gg, editorGg, fewElsewhere), (Today, 6));
        await SeedReadsAsync("offenbach", await AdoptAsync(of, editorOf, fewElsewhere), (Today, 2));
        await SeedReadsAsync("offenbach", await AdoptAsync(of, editorOf, onlyOffenbach), (Today, 8));

        using var client = await SignedInAsync("redaktion@gross-gerau.example");
        var page = await GetPageAsync(client, "redaktion/zahlen");

        Assert.Equal(["7", "16", "2"], LibraryCells(page, both));
        // 6 here and 8 in all would show Offenbach's 2: the sum reads "at least" what is ours.
        Assert.Equal(["6", "≥ 6", "2"], LibraryCells(page, fewElsewhere));
        Assert.DoesNotContain($"data-library-item=\"{onlyOffenbach}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">9<", page, StringComparison.Ordinal);

        // A NetworkEditor sees every library item adopted anywhere, with the network's sum only; an editor does not.
        using var networkClient = App.CreateTenantClient("gross-gerau");
        var key = await TwoFactor.EnableTotpAsync(App, "gross-gerau", "netzwerk@gross-gerau.example");
        await SignInWithCookieAsync(networkClient, "netzwerk@gross-gerau.example", twoFactorCode: TwoFactor.NextCode(key, App.Clock));
        var networkPage = await GetPageAsync(networkClient, "redaktion/bibliothek/zahlen");
        Assert.Equal(["8", "1"], LibraryCells(networkPage, onlyOffenbach));
        Assert.Equal(["7", "16", "2"], LibraryCells(networkPage, both));
        Assert.Contains("nicht übernommen", networkPage, StringComparison.Ordinal);
        Assert.Contains("href=\"redaktion/bibliothek/zahlen\"", await GetPageAsync(networkClient, "redaktion/bibliothek"), StringComparison.Ordinal);
        var api = await JsonAsync(of, HttpMethod.Get, "api/v1/library/figures?days=7", otherNetwork);
        var row = api.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("itemId").GetGuid() == onlyOffenbach);
        Assert.Equal(("8", "8", 1), (row.GetProperty("own").GetProperty("text").GetString(), row.GetProperty("network").GetProperty("text").GetString(), row.GetProperty("jobcenters").GetInt32()));
        using (var editorAsks = await SendAsync(gg, HttpMethod.Get, "api/v1/library/figures", editorGg))
        {
            Assert.Equal(HttpStatusCode.Forbidden, editorAsks.StatusCode);
        }

        using (var badPeriod = await SendAsync(of, HttpMethod.Get, "api/v1/library/figures?days=12", otherNetwork))
        {
            await EditorialApi.AssertProblemAsync(badPeriod, HttpStatusCode.BadRequest, "days");
        }

        using var csv = await client.GetAsync(new Uri("api/v1/editorial/figures.csv?days=30", UriKind.Relative));
        var line = (await csv.Content.ReadAsStringAsync()).Split("\r\n").Single(l => l.StartsWith($"Bibliothek;{both};", StringComparison.Ordinal));
        Assert.EndsWith(";7;;;;;;16;2", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_editorial_start_page_links_to_the_figures()
    {
        using var client = await SignedInAsync("redaktion@gross-gerau.example");

        var page = await GetPageAsync(client, "redaktion");

        Assert.Contains("href=\"redaktion/zahlen\"", page, StringComparison.Ordinal);
    }

    private Task SeedReadsAsync(string slug, Guid post, params (DateOnly Day, int Count)[] days) =>
        App.InTenantAsync(slug, async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var tenant = sp.GetRequiredService<ICurrentTenant>().RequiredId;
            db.PostViewDays.AddRange(days.Select(d => PostViewDay.First(tenant, post, d.Day, d.Count)));
            await db.SaveChangesAsync();
        });

    private Task SeedAnswersAsync(string slug, Guid post, DateOnly day, int yes, int no) =>
        App.InTenantAsync(slug, async sp =>
        {
            var db = (PlatformDbContext)sp.GetRequiredService<IAppDbContext>();
            var tenant = sp.GetRequiredService<ICurrentTenant>().RequiredId;
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "PostFeedbackDays" ("PostId", "Day", "TenantId", "Yes", "No") VALUES ({post}, {day}, {tenant}, {yes}, {no})""");
        });

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = App.CreateTenantClient("gross-gerau");
        using var login = await client.PostAsJsonAsync("api/v1/auth/login?useCookies=true", new { email, password = DatabaseInitializer.DemoPassword });
        Assert.True(login.IsSuccessStatusCode, $"login {email}: {(int)login.StatusCode}");
        return client;
    }

    private static async Task<string> GetPageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>The reads, helpful-yes and helpful-no cells of a post's row.</summary>
    private static string[] Cells(string page, Guid post)
    {
        var row = Regex.Match(page, $"<tr data-post=\"{post}\">(?<row>.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, page);
        return [.. Figure().Matches(row.Groups["row"].Value).Select(m => m.Groups["text"].Value)];
    }

    /// <summary>The figure cells of a library item's row: ours (when adopted here), the network's, the jobcenters.</summary>
    private static string[] LibraryCells(string page, Guid item)
    {
        var row = Regex.Match(page, $"<tr data-library-item=\"{item}\">(?<row>.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, page);
        return [.. Figure().Matches(row.Groups["row"].Value).Select(m => m.Groups["text"].Value).Where(t => t != "nicht übernommen")];
    }

    private static async Task<System.Text.Json.JsonElement> JsonAsync(HttpClient client, HttpMethod method, string url, string token, object? body = null)
    {
        using var response = await SendAsync(client, method, url, token, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {url}: {(int)response.StatusCode} {text}");
        return System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string ReminderCell(string page, string kind)
    {
        var row = Regex.Match(page, $"<tr data-reminders=\"{kind}\">(?<row>.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, page);
        return Figure().Match(row.Groups["row"].Value).Groups["text"].Value;
    }

    private static string TopicCell(string page, string topic)
    {
        var row = Regex.Match(page, $"<tr data-topic=\"{topic}\">(?<row>.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, page);
        return Figure().Match(row.Groups["row"].Value).Groups["text"].Value;
    }

    [GeneratedRegex("<td class=\"figure\">(?<text>[^<]*)</td>")]
    private static partial Regex Figure();

    [GeneratedRegex("<ol class=\"figures-top\">.*?</ol>", RegexOptions.Singleline)]
    private static partial Regex TopList();
}

public sealed class SqliteEditorialFiguresTests(SqliteApp app) : EditorialFiguresTests<SqliteApp>(app);

public sealed class PostgresEditorialFiguresTests(PostgresApp app) : EditorialFiguresTests<PostgresApp>(app);
