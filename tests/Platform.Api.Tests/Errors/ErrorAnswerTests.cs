using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Infrastructure.Persistence;

namespace Platform.Api.Tests.Errors;

/// <summary>
/// The API answers errors as problem+json whatever the Accept header and whether the tenant came from the host or the
/// <c>/t/{slug}</c> prefix; host names match case-insensitively; a host that is no valid name is simply unknown.
/// </summary>
public abstract class ErrorAnswerTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : InputApp
{
    [Theory]
    [InlineData("image/*")]
    [InlineData("text/html")]
    [InlineData("text/calendar")]
    public async Task Not_found_on_the_api_is_problem_json_whatever_the_accept_header(string accept)
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var feed = await GetJsonAsync(client, "api/v1/posts?pageSize=50");
        var withoutCover = feed.GetProperty("items").EnumerateArray()
            .First(i => !i.TryGetProperty("coverImageAlt", out var alt) || alt.ValueKind == JsonValueKind.Null)
            .GetProperty("id").GetGuid();

        foreach (var url in new[] { $"api/v1/posts/{withoutCover}/cover", $"api/v1/events/{Guid.NewGuid()}.ics", $"api/v1/posts/{Guid.NewGuid()}" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd(accept);

            using var response = await client.SendAsync(request);

            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} ({accept}): {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"status\":404", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_api_under_the_path_prefix_answers_exactly_as_under_the_host()
    {
        using var byHost = App.CreateTenantClient("gross-gerau");
        using var byPrefix = App.CreatePrefixClient("gross-gerau");
        var editor = await SignInAsync(byHost, "redaktion@gross-gerau.example");
        var young = await SignInAsync(byHost, "jana@gross-gerau.example");
        var cases = new (HttpMethod Method, string Url, string? Token, string? Body)[]
        {
            (HttpMethod.Get, "api/v1/posts", null, null),
            (HttpMethod.Get, $"api/v1/posts/{Guid.NewGuid()}", null, null),
            (HttpMethod.Get, "api/v1/no-such-operation", null, null),
            (HttpMethod.Get, "api/v1/tenant/settings", null, null),
            (HttpMethod.Get, "api/v1/tenant/settings", young, null),
            (HttpMethod.Post, "api/v1/editorial/posts", null, "{}"),
            (HttpMethod.Post, "api/v1/editorial/posts", editor, "{}"),
            (HttpMethod.Post, "api/v1/contact", null, "{}"),
            (HttpMethod.Post, "api/v1/auth/login", null, """{"email":"niemand@example.org","password":"falsch"}"""),
            (HttpMethod.Post, "api/v1/notifications/read", young, "{}"),
        };

        foreach (var (method, url, token, body) in cases)
        {
            foreach (var accept in new[] { "application/json", "text/html" })
            {
                var host = await SendAsync(byHost, method, url, token, body, accept);
                var prefix = await SendAsync(byPrefix, method, url, token, body, accept);

                Assert.True(
                    host == prefix,
                    $"{method} {url} as {(token is null ? "anonymous" : "signed in")} ({accept}): host {host}, prefix {prefix}");
                if (host.Status >= 400)
                {
                    Assert.True(host.MediaType == "application/problem+json", $"{method} {url}: {host}");
                }
            }
        }
    }

    [Fact]
    public async Task Host_names_match_whatever_their_case()
    {
        using var upper = App.CreateClientForHost("GROSS-GERAU.localhost");
        using var lower = App.CreateTenantClient("gross-gerau");

        var shouting = await GetJsonAsync(upper, "api/v1/posts");
        var quiet = await GetJsonAsync(lower, "api/v1/posts");
        var page = await upper.GetStringAsync(new Uri("", UriKind.Relative));

        Assert.Equal(Ids(quiet), Ids(shouting));
        Assert.Contains("Kommunales Jobcenter Groß-Gerau", page, StringComparison.Ordinal);
    }

    private static async Task<(int Status, string? MediaType)> SendAsync(HttpClient client, HttpMethod method, string url, string? token, string? body, string accept)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.ParseAdd(accept);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class SqliteErrorAnswerTests(SqliteInputApp app) : ErrorAnswerTests<SqliteInputApp>(app);

public sealed class PostgresErrorAnswerTests(PostgresInputApp app) : ErrorAnswerTests<PostgresInputApp>(app);

/// <summary>The app on a real loopback port: the test client of the in-memory server cannot even send an invalid host name.</summary>
public sealed class KestrelInputApp : InputApp
{
    public KestrelInputApp()
        : base(DatabaseProvider.Sqlite) => ListenOnKestrel = true;
}

/// <summary>
/// A host that is no valid name (an <c>xn--</c> label that does not decode) is an unknown jobcenter: 404 before
/// anything reads the host, never a 500. Not database-specific.
/// </summary>
public sealed class InvalidHostTests(KestrelInputApp app) : ApiTestBase<KestrelInputApp>(app)
{
    [Theory]
    [InlineData("xn--offenbach.localhost", "api/v1/editorial/posts", "application/problem+json")]
    [InlineData("xn--offenbach.localhost", "redaktion", "text/html")]
    [InlineData("xn--.localhost", "api/v1/posts", "application/problem+json")]
    public async Task A_host_that_is_no_valid_name_is_an_unknown_jobcenter(string host, string url, string mediaType)
    {
        using var client = new HttpClient { BaseAddress = App.ServerAddress };
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "api/v1/auth/login")
        {
            Content = JsonContent.Create(new { email = "redaktion@offenbach.example", password = DatabaseInitializer.DemoPassword }),
        };
        signIn.Headers.Host = "offenbach.localhost";
        using var signedIn = await client.SendAsync(signIn);
        var token = (await ReadJsonAsync(signedIn)).GetProperty("accessToken").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = host;
        request.Headers.Accept.ParseAdd(mediaType == "text/html" ? "text/html" : "application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }
}
