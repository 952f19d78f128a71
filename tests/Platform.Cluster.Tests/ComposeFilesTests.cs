using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Npgsql;
using YamlDotNet.RepresentationModel;

namespace Platform.Cluster.Tests;

/// <summary>
/// The files an operator runs the platform with on a container host (ADR-028, docs/operations.md "Compose"):
/// <c>infra/compose.yaml</c>, its PostgreSQL roles script and collector configuration, and HAProxy's production
/// configuration, each read by the tool that reads it in production where that tool is here.
/// </summary>
public sealed class ComposeFilesTests
{
    private static readonly YamlMappingNode Compose = Load("infra/compose.yaml");
    private static readonly YamlMappingNode Services = Map(Compose, "services");

    [Fact]
    public async Task HAProxy_accepts_the_production_configuration_with_a_certificate_and_refuses_it_without_one()
    {
        var folder = Directory.CreateTempSubdirectory("haproxy-");
        try
        {
            var pem = Path.Combine(folder.FullName, "tls.pem");
            WriteSelfSignedPem(pem, "gross-gerau.plattform.example");
            string[] check = ["-c", "-f", Repository.PathOf("infra/haproxy/haproxy.cfg")];

            var valid = await Repository.RunAsync("haproxy", check, new Dictionary<string, string> { ["HAPROXY_CERTIFICATE"] = pem });
            var missing = await Repository.RunAsync("haproxy", check, new Dictionary<string, string> { ["HAPROXY_CERTIFICATE"] = pem + ".missing" });

            Assert.True(valid.ExitCode == 0, valid.Output);
            Assert.Contains("Configuration file is valid", valid.Output, StringComparison.Ordinal);
            Assert.NotEqual(0, missing.ExitCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_compose_file_and_the_collector_configuration_pass_yamllint()
    {
        var lint = await Repository.RunAsync(
            "yamllint", ["-s", "-c", Repository.PathOf(".yamllint.yaml"), Repository.PathOf("infra/compose.yaml"), Repository.PathOf("infra/compose/otel-collector.yaml")]);

        Assert.True(lint.ExitCode == 0, lint.Output);
    }

    [Fact]
    public void Nodes_are_several_read_only_and_unprivileged_and_reachable_only_through_the_balancer()
    {
        var platform = Map(Services, "platform");

        Assert.True(int.Parse(Scalar(Map(platform, "deploy"), "replicas"), CultureInfo.InvariantCulture) >= 2);
        Assert.Equal("true", Scalar(platform, "read_only"));
        Assert.Equal("1654:1654", Scalar(platform, "user"));
        Assert.Equal("/tmp", Assert.Single(Seq(platform, "tmpfs")));
        Assert.False(platform.Children.ContainsKey("ports"), "a node publishes no port: HAProxy is the only way in");
        Assert.True(Map(Services, "haproxy").Children.ContainsKey("ports"));

        // HAProxy's fixed address is the only trusted proxy, and it finds the nodes on the port they listen on.
        var haproxy = Map(Services, "haproxy");
        Assert.Equal(Scalar(Map(Map(haproxy, "networks"), "internal"), "ipv4_address"), Env(platform)["Platform__Tenancy__TrustedProxies__0"]);
        Assert.Equal($"platform:{Env(platform)["ASPNETCORE_HTTP_PORTS"]}", Env(haproxy)["PLATFORM_BACKEND"]);
        Assert.Contains(Seq(haproxy, "volumes"), v => v.StartsWith("./haproxy/haproxy.cfg:", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_one_shot_migration_has_the_owner_role_and_the_nodes_start_after_it_succeeded()
    {
        var migrate = Map(Services, "migrate");
        var platform = Map(Services, "platform");

        Assert.Contains("--migrate-only", Seq(migrate, "command"));
        Assert.Equal("no", Scalar(migrate, "restart"));
        Assert.Contains("Username=platform_owner", Env(migrate)["ConnectionStrings__PlatformMigrations"], StringComparison.Ordinal);
        Assert.DoesNotContain("ConnectionStrings__PlatformMigrations", Env(platform).Keys);
        Assert.Contains("Username=platform_node", Env(platform)["ConnectionStrings__Platform"], StringComparison.Ordinal);
        Assert.Equal("false", Env(platform)["Platform__Database__MigrateOnStartup"]);
        Assert.Equal("service_completed_successfully", Scalar(Map(Map(platform, "depends_on"), "migrate"), "condition"));
        Assert.Equal("service_healthy", Scalar(Map(Map(migrate, "depends_on"), "postgres"), "condition"));
    }

    [Fact]
    public void No_secret_is_written_into_the_compose_file()
    {
        var values = Services.Children.Values.OfType<YamlMappingNode>()
            .Where(service => service.Children.ContainsKey("environment"))
            .SelectMany(service => Env(service));

        foreach (var (name, value) in values)
        {
            if (name.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Password", StringComparison.Ordinal))
            {
                Assert.StartsWith("${", value, StringComparison.Ordinal);
            }

            if (value.Contains("Password=", StringComparison.Ordinal))
            {
                Assert.Contains("Password=${", value, StringComparison.Ordinal);
            }
        }

        Assert.Equal("/run/secrets/dataprotection.pfx", Env(Map(Services, "platform"))["Platform__DataProtection__CertificatePath"]);
    }

    [Fact]
    public void The_collector_receives_what_the_nodes_send_and_scrapes_their_management_port()
    {
        var platform = Env(Map(Services, "platform"));
        var collector = Load("infra/compose/otel-collector.yaml");
        var grpc = Map(Map(Map(Map(collector, "receivers"), "otlp"), "protocols"), "grpc");
        var scrape = Seq<YamlMappingNode>(Map(Map(Map(collector, "receivers"), "prometheus"), "config"), "scrape_configs")
            .Single(job => Scalar(job, "job_name") == "platform");
        var discovery = Assert.Single(Seq<YamlMappingNode>(scrape, "dns_sd_configs"));

        Assert.Equal("http://otel-collector:4317", platform["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.True(Services.Children.ContainsKey("otel-collector"));
        Assert.EndsWith(":4317", Scalar(grpc, "endpoint"), StringComparison.Ordinal);
        Assert.Equal(platform["Platform__Management__Port"], Scalar(discovery, "port"));
        Assert.Equal("platform", Assert.Single(Seq(discovery, "names")));
        foreach (var pipeline in Map(Map(collector, "service"), "pipelines").Children.Values.OfType<YamlMappingNode>())
        {
            Assert.All(Seq(pipeline, "receivers"), r => Assert.True(Map(collector, "receivers").Children.ContainsKey(r), r));
            Assert.All(Seq(pipeline, "exporters"), e => Assert.True(Map(collector, "exporters").Children.ContainsKey(e), e));
        }
    }

    [Fact]
    public async Task The_roles_script_makes_the_database_and_roles_the_connection_strings_name_on_a_real_PostgreSQL()
    {
        // A PostgreSQL of its own, empty as the one compose starts: the roles are the server's, not one database's.
        var folder = Directory.CreateTempSubdirectory("compose-pg-");
        var data = Path.Combine(folder.FullName, "pg");
        const string OwnerPassword = "Eigent\u00fcmer-1", NodePassword = "Knoten-2";
        try
        {
            var started = await Repository.RunAsync("bash", [Repository.PathOf("infra/postgres.sh"), "start", data, "58390"]);
            Assert.True(started.ExitCode == 0, started.Output);
            var port = started.Stdout.Trim();

            var run = await Repository.RunAsync("bash", [Repository.PathOf("infra/compose/postgres-roles.sh")], new Dictionary<string, string>
            {
                ["POSTGRES_USER"] = "postgres",
                ["PGHOST"] = "127.0.0.1",
                ["PGPORT"] = port,
                ["PGPASSWORD"] = "postgres",
                ["PLATFORM_OWNER_PASSWORD"] = OwnerPassword,
                ["PLATFORM_NODE_PASSWORD"] = NodePassword,
            });
            Assert.True(run.ExitCode == 0, run.Output);

            await using var asNode = new NpgsqlConnection(
                $"Host=127.0.0.1;Port={port};Database=platform;Username=platform_node;Password={NodePassword};Pooling=false");
            await asNode.OpenAsync();
            await using var query = new NpgsqlCommand(
                "SELECT pg_has_role('platform_app', 'member'), (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database())", asNode);
            await using var reader = await query.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.True(reader.GetBoolean(0), "the nodes' login is a member of the row-level-security role");
            Assert.Equal("platform_owner", reader.GetString(1));

            await using var asOwner = new NpgsqlConnection(
                $"Host=127.0.0.1;Port={port};Database=platform;Username=platform_owner;Password={OwnerPassword};Pooling=false");
            await asOwner.OpenAsync();
        }
        finally
        {
            await Repository.RunAsync("bash", [Repository.PathOf("infra/postgres.sh"), "stop", data]);
            folder.Delete(recursive: true);
        }
    }

    private static void WriteSelfSignedPem(string path, string host)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={host}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem() + "\n");
    }

    private static YamlMappingNode Load(string relative)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Repository.PathOf(relative));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static List<string> Seq(YamlMappingNode node, string key) => [.. Seq<YamlScalarNode>(node, key).Select(s => s.Value!)];

    private static List<T> Seq<T>(YamlMappingNode node, string key) where T : YamlNode => [.. ((YamlSequenceNode)node[key]).Children.Cast<T>()];

    private static Dictionary<string, string> Env(YamlMappingNode service) =>
        Map(service, "environment").Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value ?? "");
}
