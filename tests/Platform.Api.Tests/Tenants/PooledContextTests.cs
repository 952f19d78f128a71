using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
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
            leased.Posts.Add(Platform.Domain.Posts.Post.CreateDraft(Guid.NewGuid(), "x", "", "", Platform.Domain.Posts.Topics.Geld, DateTime.UtcNow));
            leased.SaveChanges();
        });
        foreach (var context in held)
        {
            await context.DisposeAsync();
        }
    }
}
