using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Errors;

/// <summary>
/// The app on a PostgreSQL server of its own (<c>infra/postgres.sh</c>), which the test stops and starts again. The
/// tenant catalog refreshes every few milliseconds, so the outage is seen by a refresh without waiting 30 seconds.
/// </summary>
public sealed class OutageApp() : PlatformApp(DatabaseProvider.PostgreSql)
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"platform-outage-{Guid.NewGuid():N}");
    private int _port;

    protected override string? PostgresServer =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Password=postgres;Database=postgres;Maximum Pool Size=50";

    public override async Task InitializeAsync()
    {
        _port = int.Parse(await RunScriptAsync("start", _dataDir, "57300"), CultureInfo.InvariantCulture);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await RunScriptAsync("stop", _dataDir);
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Removed by the OS with the temp folder.
        }
        catch (UnauthorizedAccessException)
        {
            // Owned by the postgres user when the tests run as root.
        }
    }

    public Task StopDatabaseAsync() => RunScriptAsync("stop", _dataDir);

    public Task StartDatabaseAsync() => RunScriptAsync("start", _dataDir, _port.ToString(CultureInfo.InvariantCulture));

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Platform:Tenancy:CatalogRefreshInterval", "00:00:00.020");
        builder.UseSetting("Platform:Tenancy:CatalogRetryInterval", "00:00:00.020");
        builder.UseSetting("Platform:OutputCache:Enabled", "false");
    }

    private static async Task<string> RunScriptAsync(params string[] arguments)
    {
        var script = FindScript();
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? output.Trim()
            : throw new InvalidOperationException($"postgres.sh {string.Join(' ', arguments)}: {error}");
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "infra", "postgres.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("infra/postgres.sh not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// While the database is down the platform says so — 503 with Retry-After, problem+json for the API and an HTML page for
/// people — resolves jobcenters from the catalog's last snapshot, stays alive (<c>/health/live</c>) but not ready, and serves again as soon as the database is back.
/// </summary>
public sealed class DatabaseOutageTests(OutageApp app) : ApiTestBase<OutageApp>(app)
{
    [Fact]
    public async Task While_the_database_is_down_the_platform_answers_503_stays_alive_and_recovers()
    {
        using var tenant = App.CreateTenantClient("gross-gerau");
        using var bare = App.CreateClientForHost("localhost");
        using var unknownHost = App.CreateClientForHost("niemand.localhost");
        Assert.Equal(HttpStatusCode.OK, (await tenant.GetAsync(new Uri("api/v1/posts", UriKind.Relative))).StatusCode);

        await App.StopDatabaseAsync();
        try
        {
            // Several rounds: each one outlives the catalog's refresh interval, so refreshes fail in between.
            for (var round = 0; round < 3; round++)
            {
                using var api = await tenant.GetAsync(new Uri("api/v1/posts", UriKind.Relative));
                using var page = await GetPageAsync(tenant, "");
                using var live = await bare.GetAsync(new Uri("health/live", UriKind.Relative));
                using var ready = await bare.GetAsync(new Uri("health/ready", UriKind.Relative));
                using var unknown = await unknownHost.GetAsync(new Uri("api/v1/posts", UriKind.Relative));

                // The web push key is read from the database on first use; that read fails now, and is tried again later.
                using var pushKey = await tenant.GetAsync(new Uri("api/v1/notifications/push-key", UriKind.Relative));

                Assert.True(api.StatusCode == HttpStatusCode.ServiceUnavailable, $"api: {(int)api.StatusCode} {await api.Content.ReadAsStringAsync()}");
                Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
                Assert.NotNull(api.Headers.RetryAfter);
                Assert.True(page.StatusCode == HttpStatusCode.ServiceUnavailable, $"page: {(int)page.StatusCode} {await page.Content.ReadAsStringAsync()}");
                Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
                Assert.NotNull(page.Headers.RetryAfter);
                Assert.True(live.StatusCode == HttpStatusCode.OK, $"live: {(int)live.StatusCode} {await live.Content.ReadAsStringAsync()}");
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
                Assert.True(pushKey.StatusCode == HttpStatusCode.ServiceUnavailable, $"push key: {(int)pushKey.StatusCode} {await pushKey.Content.ReadAsStringAsync()}");

                // The catalog's last snapshot still knows which jobcenters exist: an unknown host stays a plain 404.
                Assert.True(unknown.StatusCode == HttpStatusCode.NotFound, $"unknown host: {(int)unknown.StatusCode} {await unknown.Content.ReadAsStringAsync()}");
            }
        }
        finally
        {
            await App.StartDatabaseAsync();
        }

        // Back: the pool drops its broken connections on first use, so poll until every answer is good again.
        await EventuallyAsync(
            async () =>
            {
                using var api = await tenant.GetAsync(new Uri("api/v1/posts", UriKind.Relative));
                using var page = await GetPageAsync(tenant, "");
                using var ready = await bare.GetAsync(new Uri("health/ready", UriKind.Relative));
                using var pushKey = await tenant.GetAsync(new Uri("api/v1/notifications/push-key", UriKind.Relative));
                return api.StatusCode == HttpStatusCode.OK && page.StatusCode == HttpStatusCode.OK && ready.StatusCode == HttpStatusCode.OK
                    && pushKey.StatusCode == HttpStatusCode.OK;
            },
            "api, page, readiness and the push key all answer 200 again");
    }

    private static Task<HttpResponseMessage> GetPageAsync(HttpClient client, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        return client.SendAsync(request);
    }
}
