using System.Net;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Jobs;

/// <summary>The Hangfire dashboard at /jobs is for PlatformAdmins only, signed in with a second factor.</summary>
public abstract class JobsDashboardTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task Only_platform_admins_see_the_jobs_dashboard()
    {
        using var bare = App.CreateClientForHost("localhost");
        using (var anonymous = await bare.GetAsync(new Uri("jobs", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Contains("/anmelden", anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        // A password alone is not enough: the dashboard shows every job's arguments on every jobcenter.
        var passwordOnly = await SignInAsync(bare, "admin@plattform.example", DatabaseInitializer.DemoPassword);
        using (var refused = await SendAsync(bare, HttpMethod.Get, "jobs", passwordOnly))
        {
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
            Assert.DoesNotContain("Hangfire", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var platformAdmin = await SignInWithSecondFactorAsync(App, bare, null, "admin@plattform.example");
        using (var allowed = await SendAsync(bare, HttpMethod.Get, "jobs", platformAdmin))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Contains("Jobs", await allowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var tenant = App.CreateTenantClient("gross-gerau");
        foreach (var email in new[] { "admin@gross-gerau.example", "redaktion@gross-gerau.example" })
        {
            var staff = await SignInAsync(tenant, email, DatabaseInitializer.DemoPassword);
            using var refused = await SendAsync(tenant, HttpMethod.Get, "jobs", staff);
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
            Assert.DoesNotContain("Hangfire", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteJobsDashboardTests(SqliteApp app) : JobsDashboardTests<SqliteApp>(app);

public sealed class PostgresJobsDashboardTests(PostgresApp app) : JobsDashboardTests<PostgresApp>(app);
