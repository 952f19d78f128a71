using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.Infrastructure.Identity;
using Platform.Infrastructure.Persistence;

namespace Platform.Application.Tests.Tenants;

/// <summary>The DbContext's tenant wall on a real SQLite file, with the contexts the container hands out.</summary>
public sealed class TenantFilterTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Queries_see_only_the_current_tenants_rows()
    {
        var a = await app.AddPostAsync(app.TenantA, "Nur A", Topics.Geld, DateTime.UtcNow);
        var b = await app.AddPostAsync(app.TenantB, "Nur B", Topics.Geld, DateTime.UtcNow);

        await app.InTenantAsync(app.TenantA, async sp =>
        {
            var asA = Db(sp);
            var ids = await asA.Posts.Select(p => p.Id).ToListAsync();

            Assert.Contains(a.Id, ids);
            Assert.DoesNotContain(b.Id, ids);
            Assert.Null(await asA.Posts.FindAsync(b.Id));
            return true;
        });
    }

    [Fact]
    public async Task Without_a_tenant_no_tenant_owned_row_is_visible()
    {
        await app.AddPostAsync(app.TenantA, "Irgendwas", Topics.Geld, DateTime.UtcNow);

        await app.WithoutTenantAsync(async sp =>
        {
            Assert.Equal(0, await Db(sp).Posts.CountAsync());
            Assert.Equal(2, await Db(sp).Tenants.CountAsync());
            return true;
        });
    }

    [Fact]
    public async Task Saving_a_row_of_another_tenant_is_refused_and_nothing_is_written()
    {
        await app.InTenantAsync(app.TenantA, sp =>
        {
            var asA = Db(sp);
            asA.Posts.Add(Post.CreateDraft(app.TenantB.Id, "Fremd", "", "", Topics.Geld, DateTime.UtcNow));
            return Assert.ThrowsAsync<InvalidOperationException>(() => asA.SaveChangesAsync());
        });

        Assert.False(await app.InTenantAsync(app.TenantB, sp => Db(sp).Posts.AnyAsync(p => p.Content.Title == "Fremd")));
    }

    [Fact]
    public async Task A_new_row_without_a_tenant_is_stamped_with_the_current_one()
    {
        var user = new PlatformUser { UserName = "stempel@example.org", DisplayName = "S" };
        await app.InTenantAsync(app.TenantB, sp =>
        {
            var asB = Db(sp);
            asB.Users.Add(user);
            return asB.SaveChangesAsync();
        });

        Assert.Equal(app.TenantB.Id, user.TenantId);
        Assert.False(await app.InTenantAsync(app.TenantA, sp => Db(sp).Users.AnyAsync(u => u.Id == user.Id)));
    }

    [Fact]
    public async Task Saving_a_tenant_owned_row_without_a_tenant_is_refused()
    {
        await app.WithoutTenantAsync(sp =>
        {
            var none = Db(sp);
            none.Posts.Add(Post.CreateDraft(app.TenantA.Id, "Ohne Mandant", "", "", Topics.Geld, DateTime.UtcNow));
            return Assert.ThrowsAsync<TenantRequiredException>(() => none.SaveChangesAsync());
        });
    }

    [Fact]
    public async Task Changing_another_tenants_row_that_was_attached_by_hand_is_refused()
    {
        var b = await app.AddPostAsync(app.TenantB, "B gehört B", Topics.Geld, null);
        var loaded = await app.InTenantAsync(app.TenantB, sp => Db(sp).Posts.AsNoTracking().SingleAsync(p => p.Id == b.Id));

        await app.InTenantAsync(app.TenantA, sp =>
        {
            var asA = Db(sp);
            asA.Attach(loaded);
            loaded.Publish(DateTime.UtcNow);
            return Assert.ThrowsAsync<InvalidOperationException>(() => asA.SaveChangesAsync());
        });
    }

    private static PlatformDbContext Db(IServiceProvider services) => services.GetRequiredService<PlatformDbContext>();
}
