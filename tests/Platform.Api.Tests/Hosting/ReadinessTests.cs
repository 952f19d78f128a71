using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Hosting;

/// <summary>
/// A node that runs no jobs (<c>Platform:Roles</c> without <c>Jobs</c>) on storage where no job server runs yet: it
/// can serve, so it is ready; the status page says that nothing would run the jobs.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task A_web_only_node_without_any_job_server_is_ready_and_the_status_page_names_what_is_missing()
    {
        var app = new PlatformApp(DatabaseProvider.Sqlite) { Settings = new Dictionary<string, string?> { ["Platform:Roles"] = "Web,Api" } };
        await app.InitializeAsync();
        try
        {
            using var bare = app.CreateClientForHost("localhost");

            using var ready = await bare.GetAsync(new Uri("health/ready", UriKind.Relative));
            using var status = await bare.GetAsync(new Uri("health/status", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            var report = await status.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Degraded", report.GetProperty("status").GetString());
            Assert.Equal("Degraded", report.GetProperty("checks").GetProperty("job-servers").GetProperty("status").GetString());
            Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
