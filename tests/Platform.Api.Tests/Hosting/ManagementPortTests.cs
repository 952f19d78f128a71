using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Platform.TestSupport;

namespace Platform.Api.Tests.Hosting;

/// <summary>
/// The platform as its own process, started the way an operator starts it: public URLs from <c>ASPNETCORE_URLS</c>,
/// the management port from <c>Platform__Management__Port</c> and OTLP export from the standard <c>OTEL_*</c> variables,
/// to a collector stand-in (ADR-030). A test host's Kestrel binds only the port the test factory gives it, so the
/// binding of both ports is only real in a process of its own.
/// </summary>
public sealed class PlatformProcess : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("platform-process-").FullName;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public int PublicPort { get; } = FreePort();

    public int ManagementPort { get; } = FreePort();

    /// <summary>What the platform exported over OTLP/HTTP: the path (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>) and the protobuf body.</summary>
    public OtlpSink Collector { get; } = new(FreePort());

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Platform.Api.dll")])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{PublicPort}";
        start.Environment["Platform__Management__Port"] = PortText(ManagementPort);
        start.Environment["Platform__Roles"] = "Web,Api";
        start.Environment["ConnectionStrings__Platform"] = $"Data Source={Path.Combine(_folder, "platform.db")}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = Collector.Endpoint.ToString().TrimEnd('/');
        start.Environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        start.Environment["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        start.Environment["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.EventuallyAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The platform exited with {_process.ExitCode}: {Output}");
                }

                try
                {
                    using var ready = await client.GetAsync(new Uri($"http://127.0.0.1:{PublicPort}/health/ready"));
                    return ready.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            "the platform answers /health/ready",
            TimeSpan.FromSeconds(90));
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Collector.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the ending process; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>A request on the public port for a tenant host name.</summary>
    public static async Task<HttpResponseMessage> GetAsync(int port, string host, string path)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{port}/{path}"));
        request.Headers.Host = host;
        return await client.SendAsync(request);
    }

    private static string PortText(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}

/// <summary>A stand-in for an OpenTelemetry collector: accepts every OTLP/HTTP export and keeps it.</summary>
public sealed class OtlpSink : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Path, byte[] Body)> _exports = new();

    public OtlpSink(int port)
    {
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public IReadOnlyCollection<(string Path, byte[] Body)> Exports => _exports;

    /// <summary>Whether some export to <paramref name="path"/> contains every one of <paramref name="texts"/> (protobuf keeps strings as UTF-8).</summary>
    public bool Received(string path, params string[] texts) =>
        _exports.Any(e => e.Path == path && texts.All(t => Encoding.UTF8.GetString(e.Body).Contains(t, StringComparison.Ordinal)));

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _exports.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}

/// <summary>The Prometheus scrape answers on the management port only; no tenant host name reaches it.</summary>
public sealed class ManagementPortTests(PlatformProcess platform) : IClassFixture<PlatformProcess>
{
    [Fact]
    public async Task The_scrape_is_served_on_the_management_port_and_on_no_tenant_host()
    {
        using (var feed = await PlatformProcess.GetAsync(platform.PublicPort, "gross-gerau.localhost", "api/v1/posts"))
        {
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        }

        foreach (var (host, path) in new[]
        {
            ("gross-gerau.localhost", "metrics"),
            ("localhost", "t/gross-gerau/metrics"),
            ("localhost", "metrics"),
            ($"127.0.0.1:{platform.ManagementPort}", "metrics"),
        })
        {
            using var response = await PlatformProcess.GetAsync(platform.PublicPort, host, path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{host}/{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("# TYPE", body, StringComparison.Ordinal);
        }

        using var scrape = await PlatformProcess.GetAsync(platform.ManagementPort, $"127.0.0.1:{platform.ManagementPort}", "metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Equal("text/plain", scrape.Content.Headers.ContentType?.MediaType);
        var text = await scrape.Content.ReadAsStringAsync();
        Assert.Matches("platform_requests_total\\{otel_scope_name=\"Platform\",tenant_id=\"[0-9a-f-]{36}\"\\} [1-9]", text);
        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE platform_reminder_due gauge", text, StringComparison.Ordinal);

        // Nothing of the platform itself on the management port, whatever host name a request gives.
        using var posts = await PlatformProcess.GetAsync(platform.ManagementPort, "gross-gerau.localhost", "api/v1/posts");
        Assert.Equal(HttpStatusCode.NotFound, posts.StatusCode);
    }

    [Fact]
    public async Task Traces_and_metrics_go_to_the_collector_the_OTEL_variables_name()
    {
        using (var feed = await PlatformProcess.GetAsync(platform.PublicPort, "gross-gerau.localhost", "api/v1/posts?pageSize=3"))
        {
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        }

        await Eventually.EventuallyAsync(
            () => Task.FromResult(platform.Collector.Received("/v1/traces", "platform", "GET /api/v1/posts", "tenant.id")),
            "the request's span at the collector");
        await Eventually.EventuallyAsync(
            () => Task.FromResult(platform.Collector.Received("/v1/metrics", "platform.requests", "tenant.id")),
            "the platform meter at the collector");
        Assert.All(platform.Collector.Exports, e => Assert.DoesNotContain("@gross-gerau.example", Encoding.UTF8.GetString(e.Body), StringComparison.Ordinal));
    }
}
