using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.Infrastructure.Identity;

namespace Platform.Application.Tests.Tenants;

/// <summary>The DbContext's tenant wall on a real SQLite file.</summary>
public sealed class TenantFilterTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task Queries_see_only_the_current_tenants_rows()
    {
        var a = await database.AddPostAsync(database.TenantA, "Nur A", Topics.Geld, DateTime.UtcNow);
        var b = await database.AddPostAsync(database.TenantB, "Nur B", Topics.Geld, DateTime.UtcNow);

        await using var asA = database.Open(database.TenantA);
        var ids = await asA.Posts.Select(p => p.Id).ToListAsync();

        Assert.Contains(a.Id, ids);
        Assert.DoesNotContain(b.Id, ids);
        Assert.Null(await asA.Posts.FindAsync(b.Id));
    }

    [Fact]
    public async Task Without_a_tenant_no_tenant_owned_row_is_visible()
    {
        await database.AddPostAsync(database.TenantA, "Irgendwas", Topics.Geld, DateTime.UtcNow);

        await using var none = database.Open(null);

        Assert.Equal(0, await none.Posts.CountAsync());
        Assert.Equal(2, await none.Tenants.CountAsync());
    }

    [Fact]
    public async Task Saving_a_row_of_another_tenant_is_refused_and_nothing_is_written()
    {
        await using var asA = database.Open(database.TenantA);
        asA.Posts.Add(Post.CreateDraft(database.TenantB.Id, "Fremd", "", "", Topics.Geld, DateTime.UtcNow));

        await Assert.ThrowsAsync<InvalidOperationException>(() => asA.SaveChangesAsync());

        await using var asB = database.Open(database.TenantB);
        Assert.False(await asB.Posts.AnyAsync(p => p.Title == "Fremd"));
    }

    [Fact]
    public async Task A_new_row_without_a_tenant_is_stamped_with_the_current_one()
    {
        await using var asB = database.Open(database.TenantB);
        var user = new PlatformUser { UserName = "stempel@example.org", DisplayName = "S" };
        asB.Users.Add(user);
        await asB.SaveChangesAsync();

        Assert.Equal(database.TenantB.Id, user.TenantId);
        await using var asA = database.Open(database.TenantA);
        Assert.False(await asA.Users.AnyAsync(u => u.Id == user.Id));
    }

    [Fact]
    public async Task Saving_a_tenant_owned_row_without_a_tenant_is_refused()
    {
        await using var none = database.Open(null);
        none.Posts.Add(Post.CreateDraft(database.TenantA.Id, "Ohne Mandant", "", "", Topics.Geld, DateTime.UtcNow));

        await Assert.ThrowsAsync<TenantRequiredException>(() => none.SaveChangesAsync());
    }

    [Fact]
    public async Task Changing_another_tenants_row_that_was_attached_by_hand_is_refused()
    {
        var b = await database.AddPostAsync(database.TenantB, "B gehört B", Topics.Geld, null);
        await using var bContext = database.Open(database.TenantB);
        var loaded = await bContext.Posts.AsNoTracking().SingleAsync(p => p.Id == b.Id);

        await using var asA = database.Open(database.TenantA);
        asA.Attach(loaded);
        loaded.Publish(DateTime.UtcNow);

        await Assert.ThrowsAsync<InvalidOperationException>(() => asA.SaveChangesAsync());
    }
}
