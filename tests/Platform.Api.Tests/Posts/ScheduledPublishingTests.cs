using Hangfire;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Posts;
using Platform.Infrastructure.Jobs;
using Platform.TestSupport;

namespace Platform.Api.Tests.Posts;

/// <summary>Scheduled publishing through Hangfire on its real storage (SQLite file or PostgreSQL), polling every 200 ms.</summary>
public abstract class ScheduledPublishingTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_scheduled_post_appears_in_the_feed_after_its_time()
    {
        var publishAt = DateTime.UtcNow.AddSeconds(2);
        var id = await CreateDraftAsync("gross-gerau", "Neu: Bewerbungstraining im Dezember");

        await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IMediator>().Send(new SchedulePostCommand(id, publishAt)).AsTask());

        using var client = App.CreateTenantClient("gross-gerau");
        Assert.DoesNotContain(id, Ids(await GetJsonAsync(client, "api/v1/posts?pageSize=50")));
        await WaitUntilAsync(async () => Ids(await GetJsonAsync(client, "api/v1/posts?pageSize=50")).Contains(id));

        var post = await LoadAsync("gross-gerau", id);
        Assert.Equal(PostStatus.Published, post.Status);
        Assert.True(post.PublishedAt >= publishAt.AddMilliseconds(-1), "published before its time");
        using var other = App.CreateTenantClient("offenbach");
        Assert.DoesNotContain(id, Ids(await GetJsonAsync(other, "api/v1/posts?pageSize=50")));
    }

    [Fact]
    public async Task Running_the_publish_job_twice_publishes_once()
    {
        var id = await CreateDraftAsync("offenbach", "Zweimal gestartet, einmal veröffentlicht");
        var tenantId = await App.InTenantAsync("offenbach", sp => Task.FromResult(sp.GetRequiredService<ICurrentTenant>().RequiredId));
        await App.InTenantAsync("offenbach", async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var post = await db.Posts.SingleAsync(p => p.Id == id);
            post.Schedule(DateTime.UtcNow.AddMilliseconds(300), DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        await Task.Delay(TimeSpan.FromMilliseconds(400));

        var job = App.Services.GetRequiredService<PublishPostJob>();
        await Task.WhenAll(job.RunAsync(tenantId, id, CancellationToken.None), job.RunAsync(tenantId, id, CancellationToken.None));
        var afterTwo = await LoadAsync("offenbach", id);
        await job.RunAsync(tenantId, id, CancellationToken.None);
        var afterThree = await LoadAsync("offenbach", id);

        Assert.Equal(PostStatus.Published, afterTwo.Status);
        Assert.Equal(afterTwo.PublishedAt, afterThree.PublishedAt);
        Assert.Equal(afterTwo.Version, afterThree.Version);
        Assert.Equal(2, afterThree.Version); // scheduled once, published once
    }

    [Fact]
    public async Task A_job_that_fires_early_does_not_publish_early()
    {
        var id = await CreateDraftAsync("offenbach", "Noch nicht");
        var tenantId = await App.InTenantAsync("offenbach", sp => Task.FromResult(sp.GetRequiredService<ICurrentTenant>().RequiredId));
        await App.InTenantAsync("offenbach", sp =>
            sp.GetRequiredService<IMediator>().Send(new SchedulePostCommand(id, DateTime.UtcNow.AddHours(1))).AsTask());

        await App.Services.GetRequiredService<PublishPostJob>().RunAsync(tenantId, id, CancellationToken.None);

        Assert.Equal(PostStatus.Scheduled, (await LoadAsync("offenbach", id)).Status);
    }

    [Fact]
    public async Task The_catch_up_job_publishes_overdue_posts_of_every_tenant()
    {
        // Overdue without a delayed job: as after downtime, or when the job was lost.
        var a = await CreateOverdueAsync("gross-gerau", "Verpasst in Groß-Gerau");
        var b = await CreateOverdueAsync("offenbach", "Verpasst in Offenbach");

        App.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<PublishOverduePostsJob>(j => j.RunAsync(CancellationToken.None));

        await WaitUntilAsync(async () =>
            (await LoadAsync("gross-gerau", a)).Status == PostStatus.Published
            && (await LoadAsync("offenbach", b)).Status == PostStatus.Published);
        using var client = App.CreateTenantClient("offenbach");
        var ids = Ids(await GetJsonAsync(client, "api/v1/posts?pageSize=50")).ToList();
        Assert.Contains(b, ids);
        Assert.DoesNotContain(a, ids);
    }

    private Task<Guid> CreateDraftAsync(string slug, string title) =>
        App.InTenantAsync(slug, async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var post = Post.CreateDraft(sp.GetRequiredService<ICurrentTenant>().RequiredId, title, "Kurz erklärt", "Text", Topics.Jobsuche, DateTime.UtcNow);
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post.Id;
        });

    private async Task<Guid> CreateOverdueAsync(string slug, string title)
    {
        var id = await CreateDraftAsync(slug, title);
        await App.InTenantAsync(slug, async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var post = await db.Posts.SingleAsync(p => p.Id == id);
            post.Schedule(DateTime.UtcNow.AddMilliseconds(100), DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        return id;
    }

    private Task<Post> LoadAsync(string slug, Guid id) =>
        App.InTenantAsync(slug, sp => sp.GetRequiredService<IAppDbContext>().Posts.AsNoTracking().SingleAsync(p => p.Id == id));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"The condition did not become true within {Patience.TotalSeconds} s.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}

public sealed class SqliteScheduledPublishingTests(SqliteApp app) : ScheduledPublishingTests<SqliteApp>(app);

public sealed class PostgresScheduledPublishingTests(PostgresApp app) : ScheduledPublishingTests<PostgresApp>(app);
