using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;
using Platform.Infrastructure;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Application.Tests;

/// <summary>
/// The use cases as the host wires them: <c>AddApplication</c> and <c>AddInfrastructure</c> on a migrated SQLite file
/// in a temp folder, with a fake clock and two tenants. Requests go through the mediator (validation included) in a
/// fresh scope as one tenant and, where given, one user.
/// </summary>
public sealed class TestApp : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("platform-app-test-").FullName;
    private ServiceProvider _services = default!;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public Tenant TenantA { get; private set; } = default!;

    public Tenant TenantB { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = _folder,
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["ConnectionStrings:Platform"] = $"Data Source={Path.Combine(_folder, "app.db")}",
        });
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddApplication();
        builder.Services.AddInfrastructure(builder.Configuration, builder.Environment, runJobServer: false);
        builder.Services.AddScoped<TestUser>();
        builder.Services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<TestUser>());
        _services = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.Database.MigrateAsync();
        var now = Clock.GetUtcNow().UtcDateTime;
        TenantA = Tenant.Create("tenant-a", "Jobcenter A", new TenantBranding(), new TenantContact(), now);
        TenantB = Tenant.Create("tenant-b", "Jobcenter B", new TenantBranding(), new TenantContact(), now);
        db.Tenants.AddRange(TenantA, TenantB);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Sends <paramref name="command"/> as <paramref name="tenant"/>, signed in as <paramref name="user"/> if given.</summary>
    public Task<T> SendAsync<T>(Tenant tenant, ICommand<T> command, TestUser? user = null) =>
        InTenantAsync(tenant, async sp => await sp.GetRequiredService<IMediator>().Send(command), user);

    /// <summary>Sends <paramref name="query"/> as <paramref name="tenant"/>, signed in as <paramref name="user"/> if given.</summary>
    public Task<T> SendAsync<T>(Tenant tenant, IQuery<T> query, TestUser? user = null) =>
        InTenantAsync(tenant, async sp => await sp.GetRequiredService<IMediator>().Send(query), user);

    /// <summary>Runs <paramref name="work"/> in a fresh scope as <paramref name="tenant"/>, as a request or a job would.</summary>
    public Task<T> InTenantAsync<T>(Tenant tenant, Func<IServiceProvider, Task<T>> work, TestUser? user = null) =>
        _services.InTenantAsync(tenant.Slug, sp =>
        {
            if (user is not null)
            {
                sp.GetRequiredService<TestUser>().SignIn(user);
            }

            return work(sp);
        });

    /// <summary>Runs <paramref name="work"/> in a fresh scope without a tenant (platform code, the tenant catalog).</summary>
    public async Task<T> WithoutTenantAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>A scope without a tenant, for code that only reads the model or the catalog.</summary>
    public IServiceScope CreateScope() => _services.CreateScope();

    public Task<Post> AddPostAsync(Tenant tenant, string title, Topics topics, DateTime? publishedAt) =>
        InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var post = Post.CreateDraft(tenant.Id, title, "Zusammenfassung", "Text", topics, DateTime.UtcNow.AddDays(-10));
            if (publishedAt is { } at)
            {
                post.Publish(at);
            }

            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post;
        });
}

/// <summary>The signed-in person of a test scope; nobody until <see cref="SignIn"/>.</summary>
public sealed class TestUser : ICurrentUser
{
    private IReadOnlySet<string> _roles = new HashSet<string>();

    public TestUser()
    {
    }

    public TestUser(Guid id, string displayName, params string[] roles)
    {
        Id = id;
        DisplayName = displayName;
        _roles = roles.ToHashSet(StringComparer.Ordinal);
    }

    public Guid? Id { get; private set; }

    public string DisplayName { get; private set; } = "";

    public bool IsInRole(string role) => _roles.Contains(role);

    internal void SignIn(TestUser user)
    {
        Id = user.Id;
        DisplayName = user.DisplayName;
        _roles = user._roles;
    }
}
