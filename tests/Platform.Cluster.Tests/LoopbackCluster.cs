using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;
using Platform.TestSupport;

namespace Platform.Cluster.Tests;

/// <summary>
/// The cluster of <c>infra/cluster.sh</c>, started once for the class that uses it: PostgreSQL, Redis, three nodes in
/// Production mode (each with its own home and key folder, as on three machines) and HAProxy in front. The nodes send
/// mail to this fixture's <see cref="SmtpSink"/>. Requests go to the balancer, or past it to one node.
/// </summary>
public sealed class LoopbackCluster : IAsyncLifetime
{
    public const int Nodes = 3;

    private readonly string _dir = Directory.CreateTempSubdirectory("platform-cluster-").FullName;

    public SmtpSink Mail { get; } = SmtpSink.Start();

    /// <summary>The balancer, for example <c>http://127.0.0.1:58082</c>.</summary>
    public Uri Balancer { get; private set; } = null!;

    public string Root { get; } = Repository.Root;

    /// <summary>The process id of node <paramref name="node"/>'s platform.</summary>
    public int NodeProcessId(int node) => int.Parse(File.ReadAllText(Path.Combine(_dir, $"node{node}", "pid")).Trim(), CultureInfo.InvariantCulture);

    public int NodePort(int node) => int.Parse(File.ReadAllText(Path.Combine(_dir, $"node{node}", "port")).Trim(), CultureInfo.InvariantCulture);

    /// <summary>
    /// The server's superuser, to whom row-level security does not apply, for what a test inspects or prepares; no pool,
    /// so that no connection from before a database restart is used after it.
    /// </summary>
    public string Superuser => $"Host=127.0.0.1;Port={File.ReadAllText(Path.Combine(_dir, "pg.port")).Trim()};Username=postgres;Password=postgres;Database=platform;Timeout=3;Pooling=false";

    public async Task InitializeAsync()
    {
        var output = await RunAsync("start", Nodes.ToString(CultureInfo.InvariantCulture));
        Balancer = new Uri(output.TrimEnd().Split('\n')[^1].Trim());
    }

    public async Task DisposeAsync()
    {
        await RunAsync("stop");
        await Mail.DisposeAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process going away; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>
    /// A client for <paramref name="host"/> (a tenant's host name) through the balancer, or straight to node
    /// <paramref name="node"/>: the URL names the tenant as a browser would, the connection goes to loopback.
    /// </summary>
    public HttpClient Client(string host, int? node = null, CookieContainer? cookies = null)
    {
        var port = node is { } n ? NodePort(n) : Balancer.Port;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            PooledConnectionLifetime = TimeSpan.FromSeconds(2),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };

        // The cookie domain is the host the browser asked for; the port is the balancer's for every client, so that a
        // cookie set through one node is sent to the others (as a browser sees one site behind the balancer).
        return new HttpClient(handler) { BaseAddress = new Uri($"http://{host}:{Balancer.Port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The nodes HAProxy counts as UP, from its stats socket.</summary>
    public async Task<IReadOnlySet<string>> NodesUpAsync()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(Path.Combine(_dir, "haproxy.sock")));
        await socket.SendAsync(Encoding.ASCII.GetBytes("show stat\n"));
        var text = new StringBuilder();
        var buffer = new byte[8192];
        int read;
        while ((read = await socket.ReceiveAsync(buffer)) > 0)
        {
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        // CSV: pxname,svname,...,status (the 18th field).
        return text.ToString().Split('\n')
            .Select(line => line.Split(','))
            .Where(f => f.Length > 17 && f[0] == "nodes" && f[1].StartsWith("node", StringComparison.Ordinal) && f[17] == "UP")
            .Select(f => f[1])
            .ToHashSet();
    }

    public Task KillAsync(int node) => RunAsync("kill", node.ToString(CultureInfo.InvariantCulture));

    public Task StartNodeAsync(int node) => RunAsync("node-start", node.ToString(CultureInfo.InvariantCulture));

    public Task StopDatabaseAsync() => RunAsync("pg-stop");

    public Task StartDatabaseAsync() => RunAsync("pg-start");

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Superuser);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Superuser);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Root, "infra", "cluster.sh"), arguments[0], _dir, .. arguments[1..]])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
        };

        // What the nodes need from the test: its SMTP sink, and room for the many contact requests of the load test.
        start.Environment["Platform__Email__Host"] = Mail.Host;
        start.Environment["Platform__Email__Port"] = Mail.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["Platform__Email__Security"] = "None";
        start.Environment["Platform__RateLimits__ContactPerMinute"] = "1000000";

        // A dead node's claimed reminders are taken over after ten seconds instead of two minutes.
        start.Environment["Platform__Notifications__Lease"] = "00:00:10";
        start.Environment["PLATFORM_CLUSTER_PORT"] = "58180";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"infra/cluster.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }
}
