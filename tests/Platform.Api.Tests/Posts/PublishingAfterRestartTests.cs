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
        var first = new PlatformApp(provider) { KeepDatabase = true };
        await first.InitializeAsync();
        Guid id;
        DateTime publishAt;
        using (var client = first.CreateTenantClient("gross-gerau"))
        {
            var editor = await ApiTestBase<SqliteApp>.SignInWithSecondFactorAsync(first, client, "gross-gerau", "redaktion@gross-gerau.example");
            var reviewer = await ApiTestBase<SqliteApp>.SignInWithSecondFactorAsync(first, client, "gross-gerau", "pruefung@gross-gerau.example");
            id = await ApprovedAsync(client, editor, reviewer, "Während der Wartung fällig");
            publishAt = TruncateToSeconds(DateTime.UtcNow.AddSeconds(3));
            await StepOkAsync(client, reviewer, id, "schedule", new { publishAt });
        }

        // The host stops before the post's time and stays down past it.
        await first.DisposeAsync();
        await Task.Delay(publishAt - DateTime.UtcNow + TimeSpan.FromSeconds(1.5));

        var restarted = first.Restart();
        await restarted.InitializeAsync();
        try
        {
            Task<Post> Load() => restarted.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().Posts.AsNoTracking().SingleAsync(p => p.Id == id));
            restarted.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<PublishOverduePostsJob>(j => j.RunAsync(CancellationToken.None));
            await EventuallyAsync(async () => (await Load()).Status == PostStatus.Published, "published after the restart");

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

    private static DateTime TruncateToSeconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}

public sealed class SqlitePublishingAfterRestartTests() : PublishingAfterRestartTests(DatabaseProvider.Sqlite);

public sealed class PostgresPublishingAfterRestartTests() : PublishingAfterRestartTests(DatabaseProvider.PostgreSql);
