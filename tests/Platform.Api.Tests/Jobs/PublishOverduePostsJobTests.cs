using System.Globalization;
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

namespace Platform.Api.Tests.Jobs;

/// <summary>
/// The recurring catch-up (<see cref="PublishOverduePostsJob"/>) on a fake clock: the test moves time past a post's
/// end instead of waiting for it, and starts the job itself (the host's own schedule for it is once a year).
/// </summary>
public abstract class PublishOverduePostsJobTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private FakeTimeProvider Clock => App.Clock ?? throw new InvalidOperationException("This class needs an app on a fake clock.");

    [Fact]
    public async Task The_catch_up_publishes_overdue_posts_of_every_tenant_and_unpublishes_expired_ones()
    {
        using var gg = App.CreateTenantClient("gross-gerau");
        var editor = await SignInWithSecondFactorAsync(App, gg, "gross-gerau", "redaktion@gross-gerau.example");
        var reviewer = await SignInWithSecondFactorAsync(App, gg, "gross-gerau", "pruefung@gross-gerau.example");

        // Overdue without a delayed job: as after downtime, or when the job was lost.
        var a = await CreateOverdueAsync("gross-gerau", "Verpasst in Groß-Gerau");
        var b = await CreateOverdueAsync("offenbach", "Verpasst in Offenbach");
        var expiring = await ApprovedAsync(gg, editor, reviewer, "Nur kurz sichtbar");
        using (var edit = await SendAsync(gg, HttpMethod.Put, $"{PostsUrl}/{expiring}", editor, new
        {
            baseVersion = 1,
            title = "Nur kurz sichtbar",
            topics = new[] { "Geld" },
            expiresAt = Clock.GetUtcNow().UtcDateTime.AddMinutes(10),
        }))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        await StepOkAsync(gg, editor, expiring, "submit");
        await StepOkAsync(gg, reviewer, expiring, "approve");
        await StepOkAsync(gg, reviewer, expiring, "publish");

        // Before its end the catch-up leaves the post online, and publishes what is overdue.
        await RunCatchUpAsync();
        await EventuallyAsync(async () =>
            (await LoadAsync("gross-gerau", a)).Status == PostStatus.Published
            && (await LoadAsync("offenbach", b)).Status == PostStatus.Published, "the overdue posts published");
        Assert.Equal(PostStatus.Published, (await LoadAsync("gross-gerau", expiring)).Status);

        // Once the clock passes its end, the next run takes it down.
        Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        await RunCatchUpAsync();
        await EventuallyAsync(async () => (await LoadAsync("gross-gerau", expiring)).Status == PostStatus.Unpublished, "the expired post unpublished");

        using var offenbach = App.CreateTenantClient("offenbach");
        var ids = Ids(await GetJsonAsync(offenbach, "api/v1/posts?pageSize=50")).ToList();
        Assert.Contains(b, ids);
        Assert.DoesNotContain(a, ids);
        Assert.DoesNotContain(expiring, Ids(await GetJsonAsync(gg, "api/v1/posts?pageSize=50")));
        var runs = (await GetAsync(gg, editor, expiring)).GetProperty("jobRuns").EnumerateArray();
        Assert.Contains(runs, r => r.GetProperty("outcome").GetString() == "Unpublished");
    }

    [Fact]
    public async Task A_run_while_another_holds_the_catch_up_skips_and_the_next_run_publishes()
    {
        var overdue = await CreateOverdueAsync("gross-gerau", "Wartet auf den nächsten Lauf");
        var locks = App.Services.GetRequiredService<IJobLock>();
        await using (var held = await locks.TryAcquireAsync(PublishOverduePostsJob.RecurringJobId, CancellationToken.None))
        {
            Assert.NotNull(held);
            Assert.Null(await locks.TryAcquireAsync(PublishOverduePostsJob.RecurringJobId, CancellationToken.None));

            // The run ends at once, successfully, and leaves the post to the run that holds the lock.
            await RunCatchUpAsync();
            Assert.Equal(PostStatus.Scheduled, (await LoadAsync("gross-gerau", overdue)).Status);
        }

        await RunCatchUpAsync();
        Assert.Equal(PostStatus.Published, (await LoadAsync("gross-gerau", overdue)).Status);
    }

    /// <summary>Enqueues one run and waits until Hangfire has finished it.</summary>
    private async Task RunCatchUpAsync()
    {
        var job = App.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<PublishOverduePostsJob>(j => j.RunAsync(CancellationToken.None));
        await EventuallyAsync(
            () =>
            {
                using var connection = App.Services.GetRequiredService<JobStorage>().GetConnection();
                return Task.FromResult(connection.GetStateData(job)?.Name == "Succeeded");
            },
            "the catch-up run succeeded");
    }

    private async Task<Guid> CreateOverdueAsync(string slug, string title) =>
        await App.InTenantAsync(slug, async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var now = Clock.GetUtcNow().UtcDateTime;
            var post = Post.CreateDraft(sp.GetRequiredService<ICurrentTenant>().RequiredId, title, "Kurz erklärt", "Text", Topics.Jobsuche, now);
            post.Schedule(now.AddMinutes(1), PostActor.System, now, fourEyesRule: false);
            db.Posts.Add(post);
            ((DbContext)db).Entry(post).Property(p => p.PublishAt).CurrentValue = now - TimeSpan.FromSeconds(1);
            await db.SaveChangesAsync();
            return post.Id;
        });

    private Task<Post> LoadAsync(string slug, Guid id) =>
        App.InTenantAsync(slug, sp => sp.GetRequiredService<IAppDbContext>().Posts.AsNoTracking().SingleAsync(p => p.Id == id));
}

public sealed class SqlitePublishOverduePostsJobTests(SqliteFakeClockApp app) : PublishOverduePostsJobTests<SqliteFakeClockApp>(app);

public sealed class PostgresPublishOverduePostsJobTests(PostgresFakeClockApp app) : PublishOverduePostsJobTests<PostgresFakeClockApp>(app)
{
    [Fact]
    public async Task The_catch_up_lock_ends_with_the_session_that_held_it()
    {
        // As when the node that held it dies: the server ends its session, and the lock is free at once.
        var locks = App.Services.GetRequiredService<IJobLock>();
        var held = await locks.TryAcquireAsync(PublishOverduePostsJob.RecurringJobId, CancellationToken.None);
        Assert.NotNull(held);
        Assert.Null(await locks.TryAcquireAsync(PublishOverduePostsJob.RecurringJobId, CancellationToken.None));

        await using (var connection = App.OpenConnection())
        {
            await connection.OpenAsync();
            await using var terminate = connection.CreateCommand();
            terminate.CommandText = $"""
                WITH holder AS MATERIALIZED (
                    SELECT a.pid, a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                    WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                        AND ((l.classid::bigint << 32) | l.objid::bigint) = {PostgreSqlJobLock.Key(PublishOverduePostsJob.RecurringJobId).ToString(CultureInfo.InvariantCulture)})
                SELECT string_agg(application_name, ',') FROM holder WHERE pg_terminate_backend(pid)
                """;

            // One session held it, and it names this process.
            Assert.Equal($"{PostgreSqlJobLock.ApplicationName} {Environment.ProcessId}", await terminate.ExecuteScalarAsync());
        }

        await EventuallyAsync(async () =>
        {
            var again = await locks.TryAcquireAsync(PublishOverduePostsJob.RecurringJobId, CancellationToken.None);
            await using (again)
            {
                return again is not null;
            }
        }, "the lock is free again");
        await held.DisposeAsync();
    }
}
