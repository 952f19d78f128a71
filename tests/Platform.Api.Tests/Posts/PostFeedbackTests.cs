using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Posts;

/// <summary>"Hat dir das geholfen?": a tap adds one to a daily yes or no count per post, and nothing about the reader is kept.</summary>
public abstract class PostFeedbackTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task Two_taps_count_two_and_each_answer_in_its_own_column()
    {
        var post = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Wohngeld");
        using var client = App.CreateTenantClient("gross-gerau");

        for (var i = 0; i < 2; i++)
        {
            using var yes = await client.PostAsJsonAsync($"api/v1/posts/{post}/feedback", new { helpful = true });
            Assert.Equal(HttpStatusCode.NoContent, yes.StatusCode);
        }

        using (var no = await client.PostAsJsonAsync($"api/v1/posts/{post}/feedback", new { helpful = false }))
        {
            Assert.Equal(HttpStatusCode.NoContent, no.StatusCode);
        }

        var row = Assert.Single(await CountsAsync("gross-gerau", post));
        Assert.Equal((PostViewDay.DayOf(DateTime.UtcNow), 2, 1), row);
    }

    [Fact]
    public async Task Concurrent_taps_on_a_new_day_lose_none()
    {
        var post = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Ausbildung");
        using var client = App.CreateTenantClient("gross-gerau");

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => client.PostAsJsonAsync($"api/v1/posts/{post}/feedback", new { helpful = i % 3 != 0 })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NoContent, a.StatusCode));
        foreach (var a in answers)
        {
            a.Dispose();
        }

        var row = Assert.Single(await CountsAsync("gross-gerau", post));
        Assert.Equal((8, 4), (row.Yes, row.No));
    }

    [Fact]
    public async Task Another_jobcenters_post_and_a_draft_are_404()
    {
        var post = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Geld");
        var draft = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Entwurf", publish: false);
        using var other = App.CreateTenantClient("offenbach");
        using var prefix = App.CreatePrefixClient("offenbach");
        using var home = App.CreateTenantClient("gross-gerau");

        using (var foreign = await other.PostAsJsonAsync($"api/v1/posts/{post}/feedback", new { helpful = true }))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        using (var foreignByPrefix = await prefix.PostAsJsonAsync($"api/v1/posts/{post}/feedback", new { helpful = true }))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreignByPrefix.StatusCode);
        }

        using (var unpublished = await home.PostAsJsonAsync($"api/v1/posts/{draft}/feedback", new { helpful = true }))
        {
            Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
        }

        Assert.Empty(await CountsAsync("gross-gerau", post));
        Assert.Empty(await CountsAsync("gross-gerau", draft));
        Assert.Empty(await CountsAsync("offenbach", post));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"helpful":null}""")]
    public async Task An_answer_without_yes_or_no_is_400_naming_helpful(string body)
    {
        var post = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Geld");
        using var client = App.CreateTenantClient("gross-gerau");
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri($"api/v1/posts/{post}/feedback", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadJsonAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("helpful", out _), problem.ToString());
        Assert.Empty(await CountsAsync("gross-gerau", post));
    }

    [Fact]
    public async Task The_feedback_table_holds_post_day_and_two_counts_and_nothing_about_the_reader()
    {
        await using var connection = App.OpenConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = App.Provider == DatabaseProvider.PostgreSql
            ? "SELECT column_name FROM information_schema.columns WHERE table_name = 'PostFeedbackDays' AND table_schema = 'public'"
            : "SELECT name FROM pragma_table_info('PostFeedbackDays')";
        var columns = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["Day", "No", "PostId", "TenantId", "Yes"], columns.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_post_page_asks_and_its_form_counts_without_script_then_says_thanks()
    {
        var post = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Bewerbung");
        foreach (var (client, root) in new[] { (App.CreateTenantClient("gross-gerau"), ""), (App.CreatePrefixClient("gross-gerau"), "/t/gross-gerau") })
        {
            using (client)
            {
                using var pageResponse = await client.GetAsync(new Uri($"posts/{post}", UriKind.Relative));
                var page = await pageResponse.Content.ReadAsStringAsync();
                Assert.Contains("Hat dir das geholfen?", page, StringComparison.Ordinal);
                Assert.Contains($"action=\"posts/{post}/hilfreich\"", page, StringComparison.Ordinal);
                Assert.Contains($"data-feedback-api=\"api/v1/posts/{post}/feedback\"", page, StringComparison.Ordinal);
                Assert.Contains("name=\"helpful\" value=\"true\"", page, StringComparison.Ordinal);
                Assert.Matches("<script src=\"[^\"]*js/feedback(\\.[a-z0-9]+)?\\.js\"", page);

                // The question costs the page nothing: no antiforgery token, no cookie, no "no-store", so the service
                // worker still keeps the post for offline reading.
                Assert.DoesNotContain("__RequestVerificationToken", page, StringComparison.Ordinal);
                Assert.False(pageResponse.Headers.Contains("Set-Cookie"));
                Assert.DoesNotContain("no-store", pageResponse.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);

                using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["helpful"] = "false" });
                using var answer = await client.PostAsync(new Uri($"posts/{post}/hilfreich", UriKind.Relative), form);
                Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
                Assert.False(answer.Headers.Contains("Set-Cookie"));
                var back = answer.Headers.Location!;
                Assert.Equal($"{root}/posts/{post}?hilfreich=danke#hilfreich-titel", back.OriginalString);

                var thanks = await client.GetStringAsync(back);
                Assert.Contains("Danke!", thanks, StringComparison.Ordinal);
                Assert.DoesNotContain("name=\"helpful\"", thanks, StringComparison.Ordinal);
            }
        }

        var row = Assert.Single(await CountsAsync("gross-gerau", post));
        Assert.Equal((0, 2), (row.Yes, row.No));
    }

    [Fact]
    public async Task A_hand_made_form_answer_is_refused_and_counts_nothing()
    {
        var post = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Bewerbung");
        using var client = App.CreateTenantClient("gross-gerau");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["helpful"] = "vielleicht" });

        using var response = await client.PostAsync(new Uri($"posts/{post}/hilfreich", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("helpful", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await CountsAsync("gross-gerau", post));

        using var other = App.CreateTenantClient("offenbach");
        using var yes = new FormUrlEncodedContent(new Dictionary<string, string> { ["helpful"] = "true" });
        using var elsewhere = await other.PostAsync(new Uri($"posts/{post}/hilfreich", UriKind.Relative), yes);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Empty(await CountsAsync("gross-gerau", post));
    }

    [Fact]
    public async Task The_page_is_in_the_readers_language()
    {
        var post = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Bewerbung");
        using var client = App.CreateTenantClient("gross-gerau");

        var page = await client.GetStringAsync(new Uri($"posts/{post}?culture=uk", UriKind.Relative));

        Assert.Contains("Це тобі допомогло?", page, StringComparison.Ordinal);
    }

    private Task<List<(DateOnly Day, int Yes, int No)>> CountsAsync(string slug, Guid post) =>
        App.InTenantAsync(slug, async sp => (await sp.GetRequiredService<IAppDbContext>().PostFeedbackDays.AsNoTracking()
            .Where(f => f.PostId == post).ToListAsync()).Select(f => (f.Day, f.Yes, f.No)).ToList());
}

public sealed class SqlitePostFeedbackTests(SqliteApp app) : PostFeedbackTests<SqliteApp>(app);

public sealed class PostgresPostFeedbackTests(PostgresApp app) : PostFeedbackTests<PostgresApp>(app);

public sealed class StrictFeedbackLimitApp() : PlatformApp(DatabaseProvider.Sqlite)
{
    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting("Platform:RateLimits:FeedbackPerMinute", "2");
}

public sealed class PostFeedbackRateLimitTests(StrictFeedbackLimitApp app) : ApiTestBase<StrictFeedbackLimitApp>(app)
{
    [Fact]
    public async Task Answering_is_rate_limited_per_jobcenter_and_address()
    {
        var post = await BookmarkTests<StrictFeedbackLimitApp>.CreatePostAsync(App, "gross-gerau", "Geld");
        using var client = App.CreateTenantClient("gross-gerau");
        for (var i = 0; i < 2; i++)
        {
            using var ok = await client.PostAsJsonAsync($"api/v1/posts/{post}/feedback", new { helpful = true });
            Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        }

        using var limited = await client.PostAsJsonAsync($"api/v1/posts/{post}/feedback", new { helpful = true });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }
}
