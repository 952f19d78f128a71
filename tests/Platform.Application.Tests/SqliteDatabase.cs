using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;
using Platform.Infrastructure.Identity;
using Platform.Infrastructure.Persistence;
using Platform.Infrastructure.Tenancy;

namespace Platform.Application.Tests;

/// <summary>A migrated SQLite file per test class with two tenants; contexts are opened as one tenant or none.</summary>
public sealed class SqliteDatabase : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("platform-app-test-").FullName;

    public string ConnectionString => $"Data Source={Path.Combine(_folder, "app.db")}";

    public Tenant TenantA { get; private set; } = default!;

    public Tenant TenantB { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await using var db = Open(null);
        await db.Database.MigrateAsync();
        TenantA = Tenant.Create("tenant-a", "Jobcenter A", new TenantBranding(), new TenantContact(), DateTime.UtcNow);
        TenantB = Tenant.Create("tenant-b", "Jobcenter B", new TenantBranding(), new TenantContact(), DateTime.UtcNow);
        db.Tenants.AddRange(TenantA, TenantB);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    public PlatformDbContext Open(Tenant? tenant)
    {
        var current = new CurrentTenant();
        current.SetTenant(tenant is null ? null : TenantMapper.ToInfo(tenant));
        return new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(ConnectionString).UseApplicationServiceProvider(IdentitySchema.StandaloneServices).Options)
            .UseTenant(current);
    }

    public static ICurrentTenant As(Tenant tenant)
    {
        var current = new CurrentTenant();
        current.SetTenant(TenantMapper.ToInfo(tenant));
        return current;
    }

    public async Task<Post> AddPostAsync(Tenant tenant, string title, Topics topics, DateTime? publishedAt)
    {
        await using var db = Open(tenant);
        var post = Post.CreateDraft(tenant.Id, title, "Zusammenfassung", "Text", topics, DateTime.UtcNow.AddDays(-10));
        if (publishedAt is { } at)
        {
            post.Publish(at);
        }

        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post;
    }
}
