using System.Globalization;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace Platform.Cluster.Tests;

/// <summary>
/// The Helm chart in <c>infra/helm/platform</c>, rendered by <c>infra/helm/render.sh</c> (Go's text/template with
/// Sprig, as <c>helm template</c> renders it) and linted with yamllint; the manifests are read back and checked for
/// what a rolling, non-root, migrate-first deployment of the platform needs. No cluster is started. Missing tools
/// (Go, Debian's Go sources, yamllint: infra/install-test-deps.sh) fail the tests.
/// </summary>
public sealed class HelmChartTests
{
    private const string AppPassword = "app-secret-7f3a";
    private const string OwnerPassword = "owner-secret-91c2";
    private const string CertificatePassword = "pfx-secret-44d0";
    private const string SmtpPassword = "smtp-secret-0b6e";
    private const string AppConnection = "Host=db;Database=platform;Username=platform_node;Password=" + AppPassword;
    private const string OwnerConnection = "Host=db;Database=platform;Username=platform_owner;Password=" + OwnerPassword;

    private static readonly string Root = Repository.Root;
    private static readonly string Chart = Path.Combine(Root, "infra", "helm", "platform");
    private static readonly string LintConfig = Repository.PathOf(".yamllint.yaml");

    /// <summary>What every installation must give: the base host, the two connection strings, the certificate.</summary>
    private static readonly string[] Minimum =
    [
        "--set", "config.baseHost=plattform.example",
        "--set-string", "secrets.connectionString=" + AppConnection,
        "--set-string", "secrets.migrationsConnectionString=" + OwnerConnection,
        "--set-string", "secrets.redisConnectionString=redis-master:6379",
        "--set-string", "secrets.dataProtectionCertificatePassword=" + CertificatePassword,
        "--set-string", "secrets.smtpPassword=" + SmtpPassword,
        "--set-string", "dataProtection.certificate=" + Convert.ToBase64String(Encoding.UTF8.GetBytes("not a real pfx")),
    ];

    [Fact]
    public async Task Chart_yaml_and_values_pass_yamllint()
    {
        var lint = await Repository.RunAsync("yamllint", ["-s", "-c", LintConfig, Path.Combine(Chart, "Chart.yaml"), Path.Combine(Chart, "values.yaml"), LintConfig]);
        Assert.True(lint.ExitCode == 0, "yamllint: " + lint.Stdout + lint.Stderr);
    }

    [Fact]
    public async Task Default_values_render_a_rolling_non_root_deployment_that_migrates_first()
    {
        var text = await RenderAsync(Minimum);
        await LintAsync(text);
        var manifests = Parse(text);

        foreach (var manifest in manifests)
        {
            Assert.False(string.IsNullOrEmpty(manifest.Scalar("apiVersion")), $"{manifest}: apiVersion");
            Assert.False(string.IsNullOrEmpty(manifest.Kind), $"{manifest}: kind");
            Assert.False(string.IsNullOrEmpty(manifest.Name), $"{manifest}: metadata.name");
            var labels = manifest.Map("metadata", "labels");
            Assert.Equal("platform", labels["app.kubernetes.io/name"]);
            Assert.Equal("platform", labels["app.kubernetes.io/instance"]);
        }

        Assert.Equal(
            ["ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Job", "PodDisruptionBudget", "Secret", "Service", "ServiceAccount"],
            manifests.Select(m => m.Kind).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(manifests, m => m.Kind == "Ingress");

        var deployment = Single(manifests, "Deployment");
        Assert.Equal(2, int.Parse(deployment.Scalar("spec", "replicas"), CultureInfo.InvariantCulture));
        Assert.Equal("0", deployment.Scalar("spec", "strategy", "rollingUpdate", "maxUnavailable"));
        Assert.Equal("1", deployment.Scalar("spec", "strategy", "rollingUpdate", "maxSurge"));
        var pod = deployment.Node("spec", "template");
        var podLabels = Map(pod, "metadata", "labels");
        var selector = Map(deployment.Root, "spec", "selector", "matchLabels");
        Assert.Equal(selector, Subset(podLabels, selector));
        Assert.Matches("^[0-9a-f]{64}$", Scalar(pod, "metadata", "annotations", "checksum/config"));
        Assert.Equal("false", Scalar(pod, "spec", "automountServiceAccountToken"));
        Assert.Equal("RuntimeDefault", Scalar(pod, "spec", "securityContext", "seccompProfile", "type"));
        Assert.Equal("kubernetes.io/hostname", Scalar(Items(pod, "spec", "topologySpreadConstraints")[0], "topologyKey"));
        Assert.NotNull(Node(pod, "spec", "affinity", "podAntiAffinity"));

        var container = Items(pod, "spec", "containers").Single();
        Assert.StartsWith("jobcenter-plattform:", Scalar(container, "image"), StringComparison.Ordinal);
        var ports = Items(container, "ports").ToDictionary(p => Scalar(p, "name"), p => Scalar(p, "containerPort"));
        Assert.Equal("8080", ports["http"]);
        Assert.Equal("9464", ports["metrics"]);
        Assert.Equal("/health/live", Scalar(container, "livenessProbe", "httpGet", "path"));
        Assert.Equal("/health/ready", Scalar(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/health/live", Scalar(container, "startupProbe", "httpGet", "path"));
        foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
        {
            Assert.Equal("8080", ports[Scalar(container, probe, "httpGet", "port")]);
        }

        AssertLockedDown(container);
        Assert.Equal("250m", Scalar(container, "resources", "requests", "cpu"));
        Assert.Equal("300Mi", Scalar(container, "resources", "requests", "memory"));
        Assert.Equal("768Mi", Scalar(container, "resources", "limits", "memory"));
        var mounts = Items(container, "volumeMounts").ToDictionary(m => Scalar(m, "name"), m => Scalar(m, "mountPath"));
        Assert.Equal("/tmp", mounts["tmp"]);
        var volumes = Items(pod, "spec", "volumes").ToDictionary(v => Scalar(v, "name"));
        Assert.NotNull(Node(volumes["tmp"], "emptyDir"));

        // The nodes get the app role and the certificate, never the owner's connection string.
        var env = EnvironmentOf(container);
        Assert.Equal(("platform", "connectionString"), env["ConnectionStrings__Platform"]);
        Assert.DoesNotContain("ConnectionStrings__PlatformMigrations", env.Keys);
        Assert.DoesNotContain(env.Values, reference => reference.Key == "migrationsConnectionString");
        var configMap = Single(manifests, "ConfigMap");
        Assert.Equal(configMap.Name, Scalar(Items(container, "envFrom").Single(), "configMapRef", "name"));
        var config = configMap.Map("data");
        var certificatePath = config["Platform__DataProtection__CertificatePath"];
        var certificateVolume = volumes.Single(v => Node(v.Value, "secret") is not null);
        Assert.Equal(mounts[certificateVolume.Key] + "/dataprotection.pfx", certificatePath);
        var certificateSecret = manifests.Single(m => m.Kind == "Secret" && m.Name == Scalar(certificateVolume.Value, "secret", "secretName"));
        Assert.Contains("dataprotection.pfx", certificateSecret.Map("data").Keys);

        // Non-secret settings by the names the platform reads; no secret in the ConfigMap, none in clear text at all.
        Assert.Equal("Production", config["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("PostgreSql", config["Platform__Database__Provider"]);
        Assert.Equal("false", config["Platform__Database__MigrateOnStartup"]);
        Assert.Equal("false", config["Platform__Database__SeedDemoData"]);
        Assert.Equal("plattform.example", config["Platform__Tenancy__BaseHost"]);
        Assert.Equal("https", config["Platform__PublicUrl__Scheme"]);
        Assert.Equal("443", config["Platform__PublicUrl__Port"]);
        Assert.Equal("9464", config["Platform__Management__Port"]);
        Assert.Equal("*", config["Platform__Management__Address"]);
        Assert.Equal("platform", config["OTEL_SERVICE_NAME"]);
        Assert.DoesNotContain(config.Keys, key => key.StartsWith("ConnectionStrings", StringComparison.Ordinal) || key.Contains("Password", StringComparison.Ordinal));
        foreach (var secret in new[] { AppPassword, OwnerPassword, CertificatePassword, SmtpPassword, "redis-master" })
        {
            Assert.DoesNotContain(config.Values, value => value.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        var appSecret = manifests.Single(m => m.Kind == "Secret" && m.Name == "platform");
        Assert.Equal(AppConnection, Encoding.UTF8.GetString(Convert.FromBase64String(appSecret.Map("data")["connectionString"])));
        Assert.DoesNotContain("migrationsConnectionString", appSecret.Map("data").Keys);

        // The migration Job: before install and upgrade, the same image with --migrate-only, the owner's string only.
        var job = Single(manifests, "Job");
        var hooks = job.Scalar("metadata", "annotations", "helm.sh/hook").Split(',');
        Assert.Contains("pre-install", hooks);
        Assert.Contains("pre-upgrade", hooks);
        Assert.Equal(["before-hook-creation", "hook-succeeded"], job.Scalar("metadata", "annotations", "helm.sh/hook-delete-policy").Split(','));
        Assert.False(string.IsNullOrEmpty(job.Scalar("spec", "backoffLimit")));
        Assert.False(string.IsNullOrEmpty(job.Scalar("spec", "activeDeadlineSeconds")));
        var jobPod = job.Node("spec", "template");
        Assert.Equal("Never", Scalar(jobPod, "spec", "restartPolicy"));
        Assert.Equal("false", Scalar(jobPod, "spec", "automountServiceAccountToken"));
        Assert.NotEqual(selector, Subset(Map(jobPod, "metadata", "labels"), selector));
        var migrator = Items(jobPod, "spec", "containers").Single();
        Assert.Equal(Scalar(container, "image"), Scalar(migrator, "image"));
        Assert.Contains("--migrate-only", Items(migrator, "args").Select(a => ((YamlScalarNode)a).Value));
        AssertLockedDown(migrator);
        var jobEnv = EnvironmentOf(migrator);
        Assert.Equal("migrationsConnectionString", jobEnv["ConnectionStrings__PlatformMigrations"].Key);
        Assert.All(jobEnv.Values.Where(r => r.Key is not null), r => Assert.Equal("migrationsConnectionString", r.Key));
        var ownerSecret = manifests.Single(m => m.Kind == "Secret" && m.Name == jobEnv["ConnectionStrings__PlatformMigrations"].Secret);
        Assert.Equal(OwnerConnection, Encoding.UTF8.GetString(Convert.FromBase64String(ownerSecret.Map("data")["migrationsConnectionString"])));
        // A pre-install hook runs before the release's resources exist: its Secret must be a hook too, made first.
        Assert.Equal(hooks, ownerSecret.Scalar("metadata", "annotations", "helm.sh/hook").Split(','));
        Assert.True(
            int.Parse(ownerSecret.Scalar("metadata", "annotations", "helm.sh/hook-weight"), CultureInfo.InvariantCulture)
                < int.Parse(job.Scalar("metadata", "annotations", "helm.sh/hook-weight"), CultureInfo.InvariantCulture),
            "the owner's Secret is made before the Job");

        var hpa = Single(manifests, "HorizontalPodAutoscaler");
        Assert.Equal("autoscaling/v2", hpa.Scalar("apiVersion"));
        Assert.True(int.Parse(hpa.Scalar("spec", "minReplicas"), CultureInfo.InvariantCulture) >= 2);
        Assert.Equal("Deployment", hpa.Scalar("spec", "scaleTargetRef", "kind"));
        Assert.Equal(deployment.Name, hpa.Scalar("spec", "scaleTargetRef", "name"));
        Assert.Equal("cpu", Scalar(Items(hpa.Root, "spec", "metrics").Single(), "resource", "name"));

        var pdb = Single(manifests, "PodDisruptionBudget");
        Assert.Equal("policy/v1", pdb.Scalar("apiVersion"));
        Assert.Equal("1", pdb.Scalar("spec", "maxUnavailable"));
        var pdbSelector = pdb.Map("spec", "selector", "matchLabels");
        Assert.Equal(pdbSelector, Subset(podLabels, pdbSelector));

        var services = manifests.Where(m => m.Kind == "Service").ToDictionary(m => m.Name);
        var service = services["platform"];
        Assert.Equal("ClusterIP", service.Scalar("spec", "type"));
        var serviceSelector = service.Map("spec", "selector");
        Assert.Equal(serviceSelector, Subset(podLabels, serviceSelector));
        var servicePort = Items(service.Root, "spec", "ports").Single();
        Assert.Equal("80", Scalar(servicePort, "port"));
        Assert.Equal("8080", ports[Scalar(servicePort, "targetPort")]);
        var metricsService = services["platform-metrics"];
        Assert.Equal("ClusterIP", metricsService.Scalar("spec", "type"));
        Assert.Equal("metrics", Scalar(Items(metricsService.Root, "spec", "ports").Single(), "targetPort"));

        var account = Single(manifests, "ServiceAccount");
        Assert.Equal(account.Name, Scalar(pod, "spec", "serviceAccountName"));
        Assert.Equal("false", account.Scalar("automountServiceAccountToken"));
    }

    [Fact]
    public async Task Ingress_three_replicas_and_existing_secrets_render_as_asked()
    {
        var overrides = Path.Combine(Path.GetTempPath(), $"helm-values-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(overrides, """
            replicaCount: 3
            config:
              baseHost: plattform.example
              trustedProxies: ["10.42.0.0/16"]
              otel:
                endpoint: http://otel-collector.monitoring:4317
            secrets:
              existingSecret: platform-secrets
              existingMigrationsSecret: platform-owner
            dataProtection:
              existingSecret: platform-dataprotection
            ingress:
              enabled: true
              className: nginx
              hosts: [gross-gerau.plattform.example, offenbach.plattform.example]
              tls:
                - secretName: plattform-tls
                  hosts: [gross-gerau.plattform.example, offenbach.plattform.example]
            """);
        try
        {
            var text = await RenderAsync("-f", overrides);
            await LintAsync(text);
            var manifests = Parse(text);

            var deployment = Single(manifests, "Deployment");
            Assert.Equal("3", deployment.Scalar("spec", "replicas"));
            Assert.Equal("3", Single(manifests, "HorizontalPodAutoscaler").Scalar("spec", "minReplicas"));

            var ingress = Single(manifests, "Ingress");
            Assert.Equal("networking.k8s.io/v1", ingress.Scalar("apiVersion"));
            Assert.Equal("nginx", ingress.Scalar("spec", "ingressClassName"));
            var rules = Items(ingress.Root, "spec", "rules");
            Assert.Equal(["gross-gerau.plattform.example", "offenbach.plattform.example"], rules.Select(r => Scalar(r, "host")));
            var service = manifests.Single(m => m.Kind == "Service" && m.Name == "platform");
            foreach (var rule in rules)
            {
                var backend = Node(Items(rule, "http", "paths").Single(), "backend", "service")!;
                Assert.Equal(service.Name, Scalar(backend, "name"));
                Assert.Equal("http", Scalar(backend, "port", "name"));
            }

            var tls = Items(ingress.Root, "spec", "tls").Single();
            Assert.Equal("plattform-tls", Scalar(tls, "secretName"));
            Assert.Equal(2, Items(tls, "hosts").Count);

            // Existing Secrets are referenced, none is made; the proxies and the collector reach the ConfigMap.
            Assert.DoesNotContain(manifests, m => m.Kind == "Secret");
            var pod = deployment.Node("spec", "template");
            var container = Items(pod, "spec", "containers").Single();
            Assert.Equal(("platform-secrets", "connectionString"), EnvironmentOf(container)["ConnectionStrings__Platform"]);
            var dataProtection = Items(pod, "spec", "volumes").Single(v => Scalar(v, "name") == "dataprotection");
            Assert.Equal("platform-dataprotection", Scalar(dataProtection, "secret", "secretName"));
            var migrator = Items(Single(manifests, "Job").Node("spec", "template"), "spec", "containers").Single();
            Assert.Equal(("platform-owner", "migrationsConnectionString"), EnvironmentOf(migrator)["ConnectionStrings__PlatformMigrations"]);
            var config = Single(manifests, "ConfigMap").Map("data");
            Assert.Equal("10.42.0.0/16", config["Platform__Tenancy__TrustedProxies__0"]);
            Assert.Equal("http://otel-collector.monitoring:4317", config["OTEL_EXPORTER_OTLP_ENDPOINT"]);

            // A changed setting changes the pods' checksum, so the nodes roll.
            var defaults = Single(Parse(await RenderAsync(Minimum)), "Deployment");
            Assert.NotEqual(
                Scalar(defaults.Node("spec", "template"), "metadata", "annotations", "checksum/config"),
                Scalar(pod, "metadata", "annotations", "checksum/config"));
        }
        finally
        {
            File.Delete(overrides);
        }
    }

    [Theory]
    [InlineData("image.repository", "--set", "image.repository=")]
    [InlineData("secrets.migrationsConnectionString", "--set-string", "secrets.migrationsConnectionString=")]
    [InlineData("config.baseHost", "--set", "config.baseHost=")]
    [InlineData("replicaCount", "--set", "replicaCount=1")]
    public async Task A_missing_required_value_fails_the_render_naming_it(string value, string flag, string set)
    {
        var render = await Repository.RunAsync(Path.Combine(Root, "infra", "helm", "render.sh"), [.. Minimum, flag, set]);

        Assert.NotEqual(0, render.ExitCode);
        Assert.Equal("", render.Stdout);
        Assert.StartsWith("Error: execution error at (platform/templates/", render.Stderr, StringComparison.Ordinal);
        Assert.Contains(value, render.Stderr, StringComparison.Ordinal);
    }

    private static void AssertLockedDown(YamlNode container)
    {
        Assert.Equal("true", Scalar(container, "securityContext", "runAsNonRoot"));
        Assert.Equal("1654", Scalar(container, "securityContext", "runAsUser"));
        Assert.Equal("1654", Scalar(container, "securityContext", "runAsGroup"));
        Assert.Equal("true", Scalar(container, "securityContext", "readOnlyRootFilesystem"));
        Assert.Equal("false", Scalar(container, "securityContext", "allowPrivilegeEscalation"));
        Assert.Equal(["ALL"], Items(container, "securityContext", "capabilities", "drop").Select(d => ((YamlScalarNode)d).Value));
        Assert.Equal("RuntimeDefault", Scalar(container, "securityContext", "seccompProfile", "type"));
    }

    /// <summary>Each variable with the Secret and key it comes from (both null for a plain value or none).</summary>
    private static Dictionary<string, (string? Secret, string? Key)> EnvironmentOf(YamlNode container) =>
        Items(container, "env").ToDictionary(
            e => Scalar(e, "name"),
            e => Node(e, "valueFrom", "secretKeyRef") is { } reference ? (Scalar(reference, "name"), Scalar(reference, "key")) : ((string?)null, (string?)null));

    private static async Task<string> RenderAsync(params string[] arguments)
    {
        var render = await Repository.RunAsync(Path.Combine(Root, "infra", "helm", "render.sh"), arguments);
        Assert.True(render.ExitCode == 0, $"render.sh exited {render.ExitCode}: {render.Stderr}");
        Assert.StartsWith("---\n# Source: platform/templates/", render.Stdout, StringComparison.Ordinal);
        return render.Stdout;
    }

    private static async Task LintAsync(string rendered)
    {
        var file = Path.Combine(Path.GetTempPath(), $"helm-rendered-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, rendered);
        try
        {
            var lint = await Repository.RunAsync("yamllint", ["-s", "-c", LintConfig, file]);
            Assert.True(lint.ExitCode == 0, "yamllint of the rendered manifests: " + lint.Stdout + lint.Stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static List<Manifest> Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return [.. stream.Documents.Where(d => d.RootNode is YamlMappingNode { Children.Count: > 0 }).Select(d => new Manifest((YamlMappingNode)d.RootNode))];
    }

    private static Manifest Single(List<Manifest> manifests, string kind) => Assert.Single(manifests, m => m.Kind == kind);

    private static YamlNode? Node(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    private static string Scalar(YamlNode node, params string[] path) =>
        Node(node, path) is YamlScalarNode { Value: { } value } ? value : throw new KeyNotFoundException($"no scalar at {string.Join('.', path)}");

    private static List<YamlNode> Items(YamlNode node, params string[] path) =>
        Node(node, path) is YamlSequenceNode sequence ? [.. sequence.Children] : throw new KeyNotFoundException($"no list at {string.Join('.', path)}");

    private static Dictionary<string, string> Map(YamlNode node, params string[] path) =>
        Node(node, path) is YamlMappingNode map
            ? map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value ?? "")
            : throw new KeyNotFoundException($"no mapping at {string.Join('.', path)}");

    /// <summary>The entries of <paramref name="labels"/> that <paramref name="selector"/> names, to compare with it.</summary>
    private static Dictionary<string, string> Subset(Dictionary<string, string> labels, Dictionary<string, string> selector) =>
        labels.Where(l => selector.ContainsKey(l.Key)).ToDictionary();

    private sealed record Manifest(YamlMappingNode Root)
    {
        public string Kind => HelmChartTests.Scalar(Root, "kind");

        public string Name => HelmChartTests.Scalar(Root, "metadata", "name");

        public string Scalar(params string[] path) => HelmChartTests.Scalar(Root, path);

        public YamlNode Node(params string[] path) => HelmChartTests.Node(Root, path) ?? throw new KeyNotFoundException(string.Join('.', path));

        public Dictionary<string, string> Map(params string[] path) => HelmChartTests.Map(Root, path);

        public override string ToString() => $"{Kind} {Name}";
    }
}
