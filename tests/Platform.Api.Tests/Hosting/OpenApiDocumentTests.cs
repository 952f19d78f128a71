using System.Diagnostics;
using System.Text.Json;
using Platform.Api.OpenApi;
using Platform.TestSupport;

namespace Platform.Api.Tests.Hosting;

/// <summary>
/// The OpenAPI document (ADR-024) as a client generator, a validating proxy or a fuzzer reads it. It does not touch the
/// database beyond the tenant catalog, so one provider is enough.
/// </summary>
public sealed class OpenApiDocumentTests(SqliteApp app) : ApiTestBase<SqliteApp>(app)
{
    [Fact]
    public async Task Redocly_lints_the_document_with_zero_errors()
    {
        using var client = App.CreateClientForHost("localhost");
        var document = await client.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative));
        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document);
        try
        {
            var (exitCode, output) = await Redocly.LintAsync(file);

            Assert.True(exitCode == 0, output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Operations_that_need_a_sign_in_name_the_bearer_scheme_and_their_401_and_403()
    {
        var document = await DocumentAsync("localhost");

        Assert.Equal("http", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("type").GetString());
        var me = Operation(document, "/api/v1/auth/me", "get");
        Assert.Contains(me.GetProperty("security").EnumerateArray(), r => r.TryGetProperty("bearer", out _));
        Assert.Equal("#/components/schemas/ProblemDetails", ProblemSchemaRef(me, "401"));
        Assert.Equal("#/components/schemas/ProblemDetails", ProblemSchemaRef(Operation(document, "/api/v1/tenant/staff", "get"), "403"));

        var feed = Operation(document, "/api/v1/posts", "get");
        Assert.Empty(feed.GetProperty("security").EnumerateArray());
        Assert.False(feed.GetProperty("responses").TryGetProperty("401", out _));
        Assert.Equal("#/components/schemas/ProblemDetails", ProblemSchemaRef(feed, "400"));
        Assert.Equal("#/components/schemas/ProblemDetails", ProblemSchemaRef(Operation(document, "/api/v1/posts/{id}", "get"), "404"));
        Assert.Equal("#/components/schemas/ProblemDetails", ProblemSchemaRef(Operation(document, "/api/v1/auth/login", "post"), "429"));
        Assert.Equal("#/components/schemas/ProblemDetails", ProblemSchemaRef(Operation(document, "/api/v1/editorial/posts/{postId}", "put"), "409"));
    }

    [Fact]
    public async Task Login_and_refresh_have_typed_request_and_response_bodies()
    {
        var document = await DocumentAsync("localhost");

        foreach (var path in new[] { "/api/v1/auth/login", "/api/v1/auth/refresh" })
        {
            var operation = Operation(document, path, "post");
            Assert.True(operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").TryGetProperty("$ref", out _), path);
            var ok = operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            Assert.Equal("#/components/schemas/AccessTokenResponse", ok.GetProperty("$ref").GetString());
        }

        var tokens = document.GetProperty("components").GetProperty("schemas").GetProperty("AccessTokenResponse").GetProperty("properties");
        Assert.True(tokens.TryGetProperty("accessToken", out _));
        Assert.True(tokens.TryGetProperty("refreshToken", out _));
    }

    [Fact]
    public async Task Integers_are_integers_and_berlin_wall_times_are_patterned_strings()
    {
        var document = await DocumentAsync("localhost");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var feedPage = schemas.GetProperty("FeedPage").GetProperty("properties");
        Assert.Equal("integer", feedPage.GetProperty("page").GetProperty("type").GetString());
        Assert.False(feedPage.GetProperty("page").TryGetProperty("pattern", out _));
        var pageSize = Operation(document, "/api/v1/posts", "get").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "pageSize");
        Assert.Equal("integer", pageSize.GetProperty("schema").GetProperty("type").GetString());

        var startsAtLocal = schemas.GetProperty("EventSummary").GetProperty("properties").GetProperty("startsAtLocal");
        Assert.False(startsAtLocal.TryGetProperty("format", out _), startsAtLocal.ToString());
        Assert.Equal(PlatformOpenApi.LocalDateTimePattern, startsAtLocal.GetProperty("pattern").GetString());
        Assert.Matches(startsAtLocal.GetProperty("pattern").GetString()!, "2026-12-03T18:30:00");
        Assert.Equal("date-time", schemas.GetProperty("EventSummary").GetProperty("properties").GetProperty("startsAt").GetProperty("format").GetString());
    }

    [Fact]
    public async Task The_servers_resolve_a_jobcenter_by_host_or_prefix()
    {
        var bare = (await DocumentAsync("localhost")).GetProperty("servers");
        var byHost = (await DocumentAsync("gross-gerau.localhost")).GetProperty("servers");

        var templated = bare.EnumerateArray().Select(s => s.GetProperty("url").GetString()).ToList();
        Assert.Contains("http://{tenant}.localhost", templated);
        Assert.Contains("http://localhost/t/{tenant}", templated);
        var slugs = bare[0].GetProperty("variables").GetProperty("tenant").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        Assert.Contains("gross-gerau", slugs);
        Assert.Equal("http://gross-gerau.localhost", Assert.Single(byHost.EnumerateArray()).GetProperty("url").GetString());

        using var prefix = App.CreatePrefixClient("offenbach");
        var underPrefix = await GetJsonAsync(prefix, "openapi/v1.json");
        Assert.Equal("http://localhost/t/offenbach", Assert.Single(underPrefix.GetProperty("servers").EnumerateArray()).GetProperty("url").GetString());
    }

    private async Task<JsonElement> DocumentAsync(string host)
    {
        using var client = App.CreateClientForHost(host);
        return await GetJsonAsync(client, "openapi/v1.json");
    }

    private static JsonElement Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static string? ProblemSchemaRef(JsonElement operation, string status) =>
        operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/problem+json")
            .GetProperty("schema").GetProperty("$ref").GetString();
}

/// <summary>Runs Redocly's CLI from the repository's .test-tools/ (infra/install-test-deps.sh installs it) with the repository's redocly.yaml.</summary>
internal static class Redocly
{
    public static async Task<(int ExitCode, string Output)> LintAsync(string file)
    {
        var root = RepositoryRoot();
        var cli = Path.Combine(root, ".test-tools", "redocly", "node_modules", ".bin", "redocly");
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException("Redocly's CLI is missing: run infra/install-test-deps.sh (it installs it into .test-tools/redocly/).", cli);
        }

        var start = new ProcessStartInfo(cli)
        {
            ArgumentList = { "lint", file, "--config", Path.Combine(root, "redocly.yaml"), "--format", "stylish" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "redocly.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No redocly.yaml above " + AppContext.BaseDirectory);
    }
}
