using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Platform.Application.Posts;
using Platform.Domain.Posts;

namespace Platform.Application.Tests.Posts;

public sealed class PublishDuePostHandlerTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task A_due_post_is_published_once_and_a_second_run_changes_nothing()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var id = await ScheduleAsync(clock.GetUtcNow().UtcDateTime.AddMinutes(10));
        clock.Advance(TimeSpan.FromMinutes(10));

        PublishOutcome first, second;
        await using (var db = database.Open(database.TenantA))
        {
            first = await new PublishDuePostHandler(db, SqliteDatabase.As(database.TenantA), clock).Handle(new PublishDuePostCommand(id), CancellationToken.None);
        }

        await using (var db = database.Open(database.TenantA))
        {
            second = await new PublishDuePostHandler(db, SqliteDatabase.As(database.TenantA), clock).Handle(new PublishDuePostCommand(id), CancellationToken.None);
        }

        Assert.True(first.Published);
        Assert.False(second.Published);
        await using var check = database.Open(database.TenantA);
        var post = await check.Posts.SingleAsync(p => p.Id == id);
        Assert.Equal(PostStatus.Published, post.Status);
        Assert.Equal(2, post.Version);
    }

    [Fact]
    public async Task A_post_that_is_not_due_reports_its_time_and_stays_scheduled()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var due = clock.GetUtcNow().UtcDateTime.AddSeconds(30);
        var id = await ScheduleAsync(due);

        await using var db = database.Open(database.TenantA);
        var outcome = await new PublishDuePostHandler(db, SqliteDatabase.As(database.TenantA), clock).Handle(new PublishDuePostCommand(id), CancellationToken.None);

        Assert.False(outcome.Published);
        Assert.Equal(due, outcome.DueAt);
        Assert.Equal(PostStatus.Scheduled, (await db.Posts.AsNoTracking().SingleAsync(p => p.Id == id)).Status);
    }

    [Fact]
    public async Task Another_tenants_post_is_not_published()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var id = await ScheduleAsync(clock.GetUtcNow().UtcDateTime.AddSeconds(1));
        clock.Advance(TimeSpan.FromMinutes(1));

        await using var asB = database.Open(database.TenantB);
        var outcome = await new PublishDuePostHandler(asB, SqliteDatabase.As(database.TenantB), clock).Handle(new PublishDuePostCommand(id), CancellationToken.None);

        Assert.False(outcome.Published);
        await using var asA = database.Open(database.TenantA);
        Assert.Equal(PostStatus.Scheduled, (await asA.Posts.AsNoTracking().SingleAsync(p => p.Id == id)).Status);
    }

    [Fact]
    public async Task Two_workers_racing_publish_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var id = await ScheduleAsync(clock.GetUtcNow().UtcDateTime.AddSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(2));

        // Both contexts read the scheduled row before either writes: the concurrency token decides.
        await using var first = database.Open(database.TenantA);
        await using var second = database.Open(database.TenantA);
        var a = await first.Posts.SingleAsync(p => p.Id == id);
        var b = await second.Posts.SingleAsync(p => p.Id == id);
        Assert.True(a.Publish(clock.GetUtcNow().UtcDateTime));
        Assert.True(b.Publish(clock.GetUtcNow().UtcDateTime));
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    private async Task<Guid> ScheduleAsync(DateTime publishAt)
    {
        await using var db = database.Open(database.TenantA);
        var post = Post.CreateDraft(database.TenantA.Id, "Geplant", "", "", Topics.Jobsuche, publishAt.AddDays(-1));
        post.Schedule(publishAt, PostActor.System, publishAt.AddDays(-1), fourEyesRule: false);
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post.Id;
    }
}
