using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Posts;
using Platform.Infrastructure.Persistence;

namespace Platform.Application.Tests.Posts;

public sealed class PublishDuePostTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task A_due_post_is_published_once_and_a_second_run_changes_nothing()
    {
        var id = await ScheduleAsync(app.Clock.GetUtcNow().UtcDateTime.AddMinutes(10));
        app.Clock.Advance(TimeSpan.FromMinutes(10));

        var first = await app.SendAsync(app.TenantA, new PublishDuePostCommand(id));
        var second = await app.SendAsync(app.TenantA, new PublishDuePostCommand(id));

        Assert.True(first.Published);
        Assert.False(second.Published);
        var post = await FindAsync(id);
        Assert.Equal(PostStatus.Published, post.Status);
        Assert.Equal(2, post.Version);
    }

    [Fact]
    public async Task A_post_that_is_not_due_reports_its_time_and_stays_scheduled()
    {
        var due = app.Clock.GetUtcNow().UtcDateTime.AddSeconds(30);
        var id = await ScheduleAsync(due);

        var outcome = await app.SendAsync(app.TenantA, new PublishDuePostCommand(id));

        Assert.False(outcome.Published);
        Assert.Equal(due, outcome.DueAt);
        Assert.Equal(PostStatus.Scheduled, (await FindAsync(id)).Status);
    }

    [Fact]
    public async Task Another_tenants_post_is_not_published()
    {
        var id = await ScheduleAsync(app.Clock.GetUtcNow().UtcDateTime.AddSeconds(1));
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var outcome = await app.SendAsync(app.TenantB, new PublishDuePostCommand(id));

        Assert.False(outcome.Published);
        Assert.Equal(PostStatus.Scheduled, (await FindAsync(id)).Status);
    }

    [Fact]
    public async Task Two_workers_racing_publish_once()
    {
        var id = await ScheduleAsync(app.Clock.GetUtcNow().UtcDateTime.AddSeconds(1));
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        var now = app.Clock.GetUtcNow().UtcDateTime;

        // Both contexts read the scheduled row before either writes: the concurrency token decides.
        await app.InTenantAsync(app.TenantA, firstScope => app.InTenantAsync(app.TenantA, async secondScope =>
        {
            var first = firstScope.GetRequiredService<PlatformDbContext>();
            var second = secondScope.GetRequiredService<PlatformDbContext>();
            var a = await first.Posts.SingleAsync(p => p.Id == id);
            var b = await second.Posts.SingleAsync(p => p.Id == id);
            Assert.True(a.Publish(now));
            Assert.True(b.Publish(now));
            await first.SaveChangesAsync();

            return await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        }));
    }

    private Task<Post> FindAsync(Guid id) =>
        app.InTenantAsync(app.TenantA, sp => sp.GetRequiredService<IAppDbContext>().Posts.AsNoTracking().SingleAsync(p => p.Id == id));

    private Task<Guid> ScheduleAsync(DateTime publishAt) =>
        app.InTenantAsync(app.TenantA, async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var post = Post.CreateDraft(app.TenantA.Id, "Geplant", "", "", Topics.Jobsuche, publishAt.AddDays(-1));
            post.Schedule(publishAt, PostActor.System, publishAt.AddDays(-1), fourEyesRule: false);
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post.Id;
        });
}
