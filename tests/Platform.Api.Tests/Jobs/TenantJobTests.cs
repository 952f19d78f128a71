using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Application.Tenants;
using Platform.Infrastructure.Jobs;
using Platform.TestSupport;

namespace Platform.Api.Tests.Jobs;

/// <summary>
/// A job names its tenant by id. For a tenant that does not exist it fails, so that the job shows as failed in Hangfire,
/// instead of succeeding without having done anything.
/// </summary>
public abstract class TenantJobTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task A_publication_job_for_an_unknown_tenant_fails()
    {
        var job = App.Services.GetRequiredService<PublishPostJob>();

        var failure = await Assert.ThrowsAsync<UnknownTenantException>(() => job.RunAsync(Guid.NewGuid(), Guid.NewGuid(), CancellationToken.None));

        Assert.NotEqual(Guid.Empty, failure.TenantId);
    }

    [Fact]
    public async Task A_publication_job_for_a_known_tenant_and_a_post_that_is_gone_ends_quietly()
    {
        var tenantId = await TenantIdAsync("gross-gerau");

        await App.Services.GetRequiredService<PublishPostJob>().RunAsync(tenantId, Guid.NewGuid(), CancellationToken.None);
    }

    [Fact]
    public async Task A_followers_job_for_an_unknown_tenant_fails()
    {
        var job = ActivatorUtilities.CreateInstance<NotifyFollowersJob>(App.Services);

        await Assert.ThrowsAsync<UnknownTenantException>(() => job.RunAsync(Guid.NewGuid(), Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task A_request_sent_as_a_tenant_runs_as_that_tenant()
    {
        var runner = App.Services.GetRequiredService<ITenantScopeRunner>();

        foreach (var slug in new[] { "gross-gerau", "offenbach" })
        {
            var settings = await runner.SendAsync(await TenantIdAsync(slug), new GetTenantSettingsQuery(), CancellationToken.None);
            Assert.Equal(slug, settings.Slug);
        }
    }

    [Fact]
    public async Task One_tenant_failing_does_not_stop_the_others()
    {
        var tenants = await App.Services.GetRequiredService<ITenantCatalog>().ListAsync();
        var visited = new List<string>();

        await App.Services.GetRequiredService<ITenantScopeRunner>().ForEachTenantAsync("Test", (tenant, _) =>
        {
            visited.Add(tenant.Slug);
            throw new InvalidOperationException($"{tenant.Slug} fails");
        }, CancellationToken.None);

        Assert.Equal(tenants.Select(t => t.Slug).Order(), visited.Order());
        Assert.Contains("offenbach", visited);
    }

    private Task<Guid> TenantIdAsync(string slug) =>
        App.InTenantAsync(slug, sp => Task.FromResult(sp.GetRequiredService<ICurrentTenant>().RequiredId));
}

public sealed class SqliteTenantJobTests(SqliteApp app) : TenantJobTests<SqliteApp>(app);

public sealed class PostgresTenantJobTests(PostgresApp app) : TenantJobTests<PostgresApp>(app);
