using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Errors;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Tenants;

/// <summary>Contexts are pooled: one that goes back to the pool must not keep the tenant of its last scope.</summary>
public sealed class PooledContextTests(SqliteApp app) : ApiTestBase<SqliteApp>(app)
{
    [Fact]
    public async Task A_context_back_in_the_pool_forgets_its_tenant()
    {
        PlatformDbContext first;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var tenant = await scope.ServiceProvider.GetRequiredService<ITenantCatalog>().FindBySlugAsync("gross-gerau");
            scope.ServiceProvider.GetRequiredService<ICurrentTenantSetter>().SetTenant(tenant);
            first = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            Assert.True(await first.Posts.AnyAsync());
        }

        // Lease from the pool until the very instance comes back (other idle contexts may be queued before it).
        var factory = App.Services.GetRequiredService<IDbContextFactory<SqliteDbContext>>();
        var held = new List<SqliteDbContext>();
        SqliteDbContext? leased = null;
        for (var i = 0; i < 256 && leased is null; i++)
        {
            var next = await factory.CreateDbContextAsync();
            held.Add(next);
            leased = ReferenceEquals(next, first) ? next : null;
        }

        Assert.NotNull(leased);
        Assert.Equal(0, await leased.Posts.CountAsync());
        Assert.Throws<TenantRequiredException>(() =>
        {
            leased.Posts.Add(Post.CreateDraft(Guid.NewGuid(), "x", "", "", Topics.Geld, DateTime.UtcNow));
            leased.SaveChanges();
        });
        foreach (var context in held)
        {
            await context.DisposeAsync();
        }
    }
}

/// <summary>
/// A scope resolves its context as <see cref="PlatformDbContext"/> and as <see cref="IAppDbContext"/>, and disposes each
/// service it resolved: the context must still go back to the pool only once, or the pool hands one context — its
/// tenant, its connection — to two requests at once.
/// </summary>
public abstract class PooledContextReturnTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task A_context_resolved_under_both_names_goes_back_to_the_pool_once()
    {
        for (var round = 0; round < 20; round++)
        {
            await using (var scope = App.Services.CreateAsyncScope())
            {
                var tenant = await scope.ServiceProvider.GetRequiredService<ITenantCatalog>().FindBySlugAsync("gross-gerau");
                scope.ServiceProvider.GetRequiredService<ICurrentTenantSetter>().SetTenant(tenant);
                var context = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                Assert.Same(context, scope.ServiceProvider.GetRequiredService<IAppDbContext>());
                Assert.True(await context.Posts.AnyAsync());
            }
        }

        // Two scopes at the same time must never share a context, and each must work.
        var scopes = Enumerable.Range(0, 8).Select(_ => App.Services.CreateAsyncScope()).ToList();
        try
        {
            var contexts = scopes.Select(s => s.ServiceProvider.GetRequiredService<PlatformDbContext>()).ToList();
            Assert.Equal(contexts.Count, contexts.Distinct().Count());
            foreach (var context in contexts)
            {
                Assert.Equal(0, await context.Posts.CountAsync());
            }
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Many_concurrent_feed_requests_for_two_jobcenters_each_get_their_own_feed()
    {
        using var grossGerau = App.CreateTenantClient("gross-gerau");
        using var offenbach = App.CreateTenantClient("offenbach");
        var expected = new Dictionary<HttpClient, string>
        {
            [grossGerau] = await grossGerau.GetStringAsync(new Uri("api/v1/posts?pageSize=5", UriKind.Relative)),
            [offenbach] = await offenbach.GetStringAsync(new Uri("api/v1/posts?pageSize=5", UriKind.Relative)),
        };
        Assert.NotEqual(expected[grossGerau], expected[offenbach]);

        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 3000), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            var client = i % 2 == 0 ? grossGerau : offenbach;
            using var response = await client.GetAsync(new Uri("api/v1/posts?pageSize=5", UriKind.Relative), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode != HttpStatusCode.OK || body != expected[client])
            {
                failures.Add($"{i}: {(int)response.StatusCode} {(body.Length > 200 ? body[..200] : body)}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} wrong answers, e.g. {string.Join('\n', failures.Take(5))}");
    }
}

public sealed class SqlitePooledContextReturnTests(SqliteInputApp app)
    : PooledContextReturnTests<SqliteInputApp>(app);

public sealed class PostgresPooledContextReturnTests(PostgresInputApp app)
    : PooledContextReturnTests<PostgresInputApp>(app);
