using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.Infrastructure.Jobs;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;
using static Platform.Api.Tests.Posts.EditorialApi;

namespace Platform.Api.Tests.Posts;

/// <summary>
/// A host stops before a post's time and starts again after it. Its own hosts, no shared one: Hangfire keeps some
/// configuration (its log provider) process-wide, and a host that goes away mid-class would take it along.
/// </summary>
public abstract class PublishingAfterRestartTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_post_whose_time_passed_while_the_host_was_down_is_published_when_it_starts_again()
    {
        // A fake clock, kept across the restart: the downtime passes by moving it, not by waiting.
        var first = new PlatformApp(provider) { KeepDatabase = true, Clock = PlatformApp.NewClock() };
        var clock = first.Clock!;
        await first.InitializeAsync();
        Guid id;
        DateTime publishAt;
        string delayedJob;
        using (var client = first.CreateTenantClient("gross-gerau"))
        {
            var editor = await ApiTestBase<SqliteApp>.SignInWithSecondFactorAsync(first, client, "gross-gerau", "redaktion@gross-gerau.example");
            var reviewer = await ApiTestBase<SqliteApp>.SignInWithSecondFactorAsync(first, client, "gross-gerau", "pruefung@gross-gerau.example");
            id = await ApprovedAsync(client, editor, reviewer, "Während der Wartung fällig");
            publishAt = clock.GetUtcNow().UtcDateTime.AddMinutes(5);
            await StepOkAsync(client, reviewer, id, "schedule", new { publishAt });
            delayedJob = await first.InTenantAsync("gross-gerau", async sp =>
                (await sp.GetRequiredService<IAppDbContext>().Posts.AsNoTracking().SingleAsync(p => p.Id == id)).PublicationJobId)
                ?? throw new InvalidOperationException("No delayed job was scheduled.");
        }

        // The host stops before the post's time and stays down past it.
        await first.DisposeAsync();
        clock.Advance(publishAt - clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(1));

        var restarted = first.Restart();
        await restarted.InitializeAsync();
        try
        {
            Task<Post> Load() => restarted.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().Posts.AsNoTracking().SingleAsync(p => p.Id == id));
            restarted.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<PublishOverduePostsJob>(j => j.RunAsync(CancellationToken.None));
            await EventuallyAsync(async () => (await Load()).Status == PostStatus.Published, "published after the restart");

            // The delayed job is still in storage (due by the wall clock, later): when it runs after the catch-up, it
            // publishes nothing a second time.
            restarted.Services.GetRequiredService<IBackgroundJobClient>().Requeue(delayedJob);
            await EventuallyAsync(
                () =>
                {
                    using var connection = restarted.Services.GetRequiredService<JobStorage>().GetConnection();
                    return Task.FromResult(connection.GetStateData(delayedJob)?.Name == "Succeeded");
                },
                "the delayed job ran");

            var post = await Load();
            Assert.Equal(publishAt, post.PublishedAt);
            var published = await restarted.InTenantAsync("gross-gerau", sp =>
                sp.GetRequiredService<IAppDbContext>().PostTransitions.CountAsync(t => t.PostId == id && t.To == PostStatus.Published));
            Assert.Equal(1, published);
        }
        finally
        {
            await restarted.DisposeAsync();
        }
    }
}

public sealed class SqlitePublishingAfterRestartTests() : PublishingAfterRestartTests(DatabaseProvider.Sqlite);

public sealed class PostgresPublishingAfterRestartTests() : PublishingAfterRestartTests(DatabaseProvider.PostgreSql);
