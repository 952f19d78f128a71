using System.Net;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.Infrastructure.Jobs;
using Platform.TestSupport;
using static Platform.Api.Tests.Posts.EditorialApi;

namespace Platform.Api.Tests.Posts;

/// <summary>
/// Scheduled publishing through Hangfire on its real storage (SQLite file or PostgreSQL), polling every 200 ms:
/// on time, once, caught up after downtime, rescheduled, expired, failed, and visible in the readiness check. On a fake
/// clock: a test moves time to a post's time instead of waiting for it, and then fires the post's delayed job itself,
/// as Hangfire's scheduler (which goes by the wall clock) does at that time (<see cref="DelayedJobs"/>).
/// </summary>
public abstract class ScheduledPublishingTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private HttpClient _client = null!;
    private string _editor = "";
    private string _reviewer = "";

    private FakeTimeProvider Clock => App.Clock ?? throw new InvalidOperationException("This class needs an app on a fake clock.");

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _client = App.CreateTenantClient("gross-gerau");
        _editor = await SignInWithSecondFactorAsync(App, _client, "gross-gerau", "redaktion@gross-gerau.example");
        _reviewer = await SignInWithSecondFactorAsync(App, _client, "gross-gerau", "pruefung@gross-gerau.example");
    }

    public override Task DisposeAsync()
    {
        _client.Dispose();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task A_scheduled_post_appears_in_the_feed_after_its_time_and_its_job_run_is_shown()
    {
        var id = await ApprovedAsync(_client, _editor, _reviewer, "Neu: Bewerbungstraining im Dezember");
        var publishAt = TruncateToSeconds(Now.AddMinutes(30));
        await StepOkAsync(_client, _reviewer, id, "schedule", new { publishAt });

        Assert.DoesNotContain(id, Ids(await GetJsonAsync(_client, "api/v1/posts?pageSize=50")));
        Clock.Advance(publishAt - Now);
        await DelayedJobs.FirePublicationAsync(App, "gross-gerau", id);
        await EventuallyAsync(async () => Ids(await GetJsonAsync(_client, "api/v1/posts?pageSize=50")).Contains(id), "published");

        var post = await LoadAsync("gross-gerau", id);
        Assert.Equal(PostStatus.Published, post.Status);
        Assert.Equal(publishAt, post.PublishedAt);
        var run = Assert.Single((await GetAsync(_client, _editor, id)).GetProperty("jobRuns").EnumerateArray());
        Assert.Equal("Published", run.GetProperty("outcome").GetString());
        Assert.Equal(publishAt, run.GetProperty("scheduledFor").GetDateTime().ToUniversalTime());
        Assert.True(run.GetProperty("ranAt").GetDateTime().ToUniversalTime() >= publishAt, "ran before its time");

        using var other = App.CreateTenantClient("offenbach");
        Assert.DoesNotContain(id, Ids(await GetJsonAsync(other, "api/v1/posts?pageSize=50")));
    }

    [Fact]
    public async Task Running_the_publish_job_twice_at_once_publishes_once()
    {
        var id = await ApprovedAsync(_client, _editor, _reviewer, "Zweimal gestartet, einmal veröffentlicht");
        var publishAt = Now.AddMinutes(30);
        await StepOkAsync(_client, _reviewer, id, "schedule", new { publishAt });
        Clock.Advance(publishAt - Now + TimeSpan.FromSeconds(1));

        var job = App.Services.GetRequiredService<PublishPostJob>();
        var tenantId = (await LoadAsync("gross-gerau", id)).TenantId;
        await Task.WhenAll(job.RunAsync(tenantId, id, CancellationToken.None), job.RunAsync(tenantId, id, CancellationToken.None));
        var afterTwo = await LoadAsync("gross-gerau", id);
        await job.RunAsync(tenantId, id, CancellationToken.None);
        await EventuallyAsync(async () => (await GetAsync(_client, _editor, id)).GetProperty("jobRuns").GetArrayLength() >= 2, "job runs recorded");
        var afterThree = await LoadAsync("gross-gerau", id);

        Assert.Equal(PostStatus.Published, afterTwo.Status);
        Assert.Equal(afterTwo.PublishedAt, afterThree.PublishedAt);
        Assert.Equal(afterTwo.Version, afterThree.Version);
        var post = await GetAsync(_client, _editor, id);
        Assert.Single(post.GetProperty("transitions").EnumerateArray(), t => t.GetProperty("to").GetString() == "Published");
        Assert.Single(post.GetProperty("jobRuns").EnumerateArray(), r => r.GetProperty("outcome").GetString() == "Published");
    }

    [Fact]
    public async Task A_job_that_fires_early_does_not_publish_early()
    {
        var id = await ApprovedAsync(_client, _editor, _reviewer, "Noch nicht");
        await StepOkAsync(_client, _reviewer, id, "schedule", new { publishAt = Now.AddHours(1) });
        var tenantId = (await LoadAsync("gross-gerau", id)).TenantId;

        Clock.Advance(TimeSpan.FromMinutes(59));
        await App.Services.GetRequiredService<PublishPostJob>().RunAsync(tenantId, id, CancellationToken.None);

        Assert.Equal(PostStatus.Scheduled, (await LoadAsync("gross-gerau", id)).Status);
    }

    [Fact]
    public async Task Rescheduling_replaces_the_job_and_the_post_goes_out_at_the_new_time_only()
    {
        var early = await ApprovedAsync(_client, _editor, _reviewer, "Erst früh, dann später");
        await StepOkAsync(_client, _reviewer, early, "schedule", new { publishAt = Now.AddMinutes(10) });
        var firstJob = (await LoadAsync("gross-gerau", early)).PublicationJobId!;
        await StepOkAsync(_client, _reviewer, early, "schedule", new { publishAt = Now.AddHours(2) });

        var late = await ApprovedAsync(_client, _editor, _reviewer, "Erst spät, dann früh");
        await StepOkAsync(_client, _reviewer, late, "schedule", new { publishAt = Now.AddHours(3) });
        var lateFirstJob = (await LoadAsync("gross-gerau", late)).PublicationJobId!;
        var newTime = TruncateToSeconds(Now.AddMinutes(30));
        await StepOkAsync(_client, _reviewer, late, "schedule", new { publishAt = newTime });

        var replaced = (await LoadAsync("gross-gerau", early)).PublicationJobId!;
        Assert.NotEqual(firstJob, replaced);
        Assert.NotEqual(lateFirstJob, (await LoadAsync("gross-gerau", late)).PublicationJobId);
        using (var connection = App.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            Assert.Equal("Deleted", connection.GetStateData(firstJob).Name);
            Assert.Equal("Deleted", connection.GetStateData(lateFirstJob).Name);
            Assert.Equal("Scheduled", connection.GetStateData(replaced).Name);
        }

        Clock.Advance(newTime - Now);
        await DelayedJobs.FirePublicationAsync(App, "gross-gerau", late);
        await EventuallyAsync(async () => (await LoadAsync("gross-gerau", late)).Status == PostStatus.Published, "published at the new time");
        Assert.Equal(newTime, (await LoadAsync("gross-gerau", late)).PublishedAt);

        // Well past the first time of the other post: it waits for its new one.
        Assert.Equal(PostStatus.Scheduled, (await LoadAsync("gross-gerau", early)).Status);

        // Cancelling takes the job away as well.
        await StepOkAsync(_client, _reviewer, early, "cancel-schedule");
        using var after = App.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Equal("Deleted", after.GetStateData(replaced).Name);
        Assert.Null((await LoadAsync("gross-gerau", early)).PublicationJobId);
    }

    [Fact]
    public async Task A_publication_that_keeps_failing_ends_failed_with_the_reason_and_an_email_to_the_author()
    {
        var id = await ApprovedAsync(_client, _editor, _reviewer, "Kann nicht erscheinen");
        var publishAt = Now.AddMinutes(30);
        await StepOkAsync(_client, _reviewer, id, "schedule", new { publishAt });

        // The row changes under the schedule so that publishing it must fail: it has expired before its time.
        await App.InTenantAsync("gross-gerau", async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var post = await db.Posts.SingleAsync(p => p.Id == id);
            ((DbContext)db).Entry(post).ComplexProperty(p => p.Content).Property(c => c.ExpiresAt).CurrentValue = Now.AddMinutes(-1);
            await db.SaveChangesAsync();
        });

        Clock.Advance(publishAt - Now);
        await DelayedJobs.FirePublicationAsync(App, "gross-gerau", id);

        var mail = await DelayedJobs.FailureMailAsync(App, "redaktion@gross-gerau.example");
        Assert.Contains("Kann nicht erscheinen", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"/redaktion/beitraege/{id}", mail.Text, StringComparison.Ordinal);
        Assert.Contains("abgelaufen", mail.Text, StringComparison.Ordinal);

        var post = await GetAsync(_client, _editor, id);
        Assert.Equal("Failed", post.GetProperty("status").GetString());
        Assert.Contains("abgelaufen", post.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        var outcomes = post.GetProperty("jobRuns").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()).ToList();
        Assert.Equal(["Failed", "Retrying", "Retrying"], outcomes);
        Assert.DoesNotContain(id, Ids(await GetJsonAsync(_client, "api/v1/posts?pageSize=50")));
        Assert.Contains((await GetJsonAsync(_client, _editor, $"{PostsUrl}?status=Failed")).EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task The_status_page_reports_scheduled_posts_more_than_a_minute_late_while_the_node_stays_ready()
    {
        using var bare = App.CreateClientForHost("localhost");
        var healthy = await GetJsonAsync(bare, "health/status");
        Assert.Equal("Healthy", healthy.GetProperty("checks").GetProperty("scheduled-posts").GetProperty("status").GetString());

        var id = await CreateOverdueAsync("offenbach", "Hängt fest", overdueBy: TimeSpan.FromMinutes(3));
        using var response = await bare.GetAsync(new Uri("health/status", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stuck = await ReadAsync(response);
        Assert.Equal("Degraded", stuck.GetProperty("status").GetString());
        var check = stuck.GetProperty("checks").GetProperty("scheduled-posts");
        Assert.Equal("Degraded", check.GetProperty("status").GetString());
        Assert.Equal("1 overdue scheduled post(s) in 1 jobcenter(s).", check.GetProperty("description").GetString());

        // Answered on every host, so it names no jobcenter: not on another jobcenter's host either.
        using var elsewhere = App.CreateTenantClient("gross-gerau");
        var seenElsewhere = await elsewhere.GetStringAsync(new Uri("health/status", UriKind.Relative));
        Assert.DoesNotContain("offenbach", seenElsewhere, StringComparison.OrdinalIgnoreCase);

        // A stuck post is for the monitor; the node can still serve, so the balancer keeps it.
        using var ready = await bare.GetAsync(new Uri("health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.False((await ReadAsync(ready)).GetProperty("checks").TryGetProperty("scheduled-posts", out _));

        App.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<PublishOverduePostsJob>(j => j.RunAsync(CancellationToken.None));
        await EventuallyAsync(async () => (await LoadAsync("offenbach", id)).Status == PostStatus.Published);
        var again = await GetJsonAsync(bare, "health/status");
        Assert.Equal("Healthy", again.GetProperty("checks").GetProperty("scheduled-posts").GetProperty("status").GetString());
    }

    private async Task<Guid> CreateOverdueAsync(string slug, string title, TimeSpan? overdueBy = null) =>
        await App.InTenantAsync(slug, async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var now = Now;
            var post = Post.CreateDraft(sp.GetRequiredService<ICurrentTenant>().RequiredId, title, "Kurz erklärt", "Text", Topics.Jobsuche, now);
            post.Schedule(now.AddMinutes(1), PostActor.System, now, fourEyesRule: false);
            db.Posts.Add(post);
            ((DbContext)db).Entry(post).Property(p => p.PublishAt).CurrentValue = now - (overdueBy ?? TimeSpan.FromSeconds(1));
            await db.SaveChangesAsync();
            return post.Id;
        });

    private Task<Post> LoadAsync(string slug, Guid id) =>
        App.InTenantAsync(slug, sp => sp.GetRequiredService<IAppDbContext>().Posts.AsNoTracking().SingleAsync(p => p.Id == id));

    private static DateTime TruncateToSeconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}

public sealed class SqliteScheduledPublishingTests(SqliteFakeClockApp app) : ScheduledPublishingTests<SqliteFakeClockApp>(app);

public sealed class PostgresScheduledPublishingTests(PostgresFakeClockApp app) : ScheduledPublishingTests<PostgresFakeClockApp>(app);
