using Microsoft.Extensions.Time.Testing;
using Platform.Application.Posts;
using Platform.Domain.Posts;

namespace Platform.Application.Tests.Posts;

/// <summary>The feed's counts per tenant and topic (issue 13): counted once, dropped on a change, never kept past their lifetime.</summary>
public sealed class FeedCountsTests
{
    private static readonly Guid TenantA = Guid.NewGuid();
    private static readonly Guid TenantB = Guid.NewGuid();

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_count_is_read_from_the_database_once_per_tenant_and_topic()
    {
        var counts = new FeedCounts(_clock);
        var database = new CountingDatabase(7);

        Assert.Equal(7, await counts.GetAsync(TenantA, Topics.None, database.CountAsync));
        Assert.Equal(7, await counts.GetAsync(TenantA, Topics.None, database.CountAsync));
        Assert.Equal(7, await counts.GetAsync(TenantA, Topics.Wohnen, database.CountAsync));
        Assert.Equal(7, await counts.GetAsync(TenantB, Topics.None, database.CountAsync));

        Assert.Equal(3, database.Counted);
    }

    [Fact]
    public async Task A_change_drops_only_that_tenants_counts()
    {
        var counts = new FeedCounts(_clock);
        var database = new CountingDatabase(7);
        await counts.GetAsync(TenantA, Topics.None, database.CountAsync);
        await counts.GetAsync(TenantB, Topics.None, database.CountAsync);

        database.Value = 8;
        counts.Invalidate(TenantA);

        Assert.Equal(8, await counts.GetAsync(TenantA, Topics.None, database.CountAsync));
        Assert.Equal(7, await counts.GetAsync(TenantB, Topics.None, database.CountAsync));
    }

    [Fact]
    public async Task A_count_is_not_kept_past_its_lifetime()
    {
        var counts = new FeedCounts(_clock);
        var database = new CountingDatabase(7);
        await counts.GetAsync(TenantA, Topics.None, database.CountAsync);

        database.Value = 9;
        _clock.Advance(FeedCounts.Lifetime - TimeSpan.FromSeconds(1));
        var within = await counts.GetAsync(TenantA, Topics.None, database.CountAsync);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var after = await counts.GetAsync(TenantA, Topics.None, database.CountAsync);

        Assert.Equal(7, within);
        Assert.Equal(9, after);
    }

    [Fact]
    public async Task A_count_that_ran_while_a_change_was_saved_is_not_kept()
    {
        var counts = new FeedCounts(_clock);
        var database = new CountingDatabase(7);
        await counts.GetAsync(TenantA, Topics.Wohnen, database.CountAsync);
        counts.Invalidate(TenantA);

        // The count reads 7, but a post is saved (and the counts dropped) before it returns.
        var stale = await counts.GetAsync(TenantA, Topics.None, () =>
        {
            counts.Invalidate(TenantA);
            database.Value = 8;
            return Task.FromResult(7);
        });

        Assert.Equal(7, stale);
        Assert.Equal(8, await counts.GetAsync(TenantA, Topics.None, database.CountAsync));
    }

    [Fact]
    public async Task Dropping_all_counts_reaches_every_tenant()
    {
        var counts = new FeedCounts(_clock);
        var database = new CountingDatabase(7);
        await counts.GetAsync(TenantA, Topics.None, database.CountAsync);
        await counts.GetAsync(TenantB, Topics.None, database.CountAsync);

        database.Value = 5;
        counts.InvalidateAll();

        Assert.Equal(5, await counts.GetAsync(TenantA, Topics.None, database.CountAsync));
        Assert.Equal(5, await counts.GetAsync(TenantB, Topics.None, database.CountAsync));
    }

    private sealed class CountingDatabase(int value)
    {
        public int Value { get; set; } = value;

        public int Counted { get; private set; }

        public Task<int> CountAsync()
        {
            Counted++;
            return Task.FromResult(Value);
        }
    }
}
