using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Accounts;

/// <summary>The app on Kestrel, which removes dot segments from the request target before routing, as in production.</summary>
public sealed class KestrelSqliteApp : PlatformApp
{
    public KestrelSqliteApp()
        : base(DatabaseProvider.Sqlite) => ListenOnKestrel = true;

    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting("Platform:RateLimits:SignInPerMinute", "1000");
}

/// <summary>
/// A request target with dot segments (<c>..</c>, also percent-encoded) names one resource but would be routed to
/// another: <c>DELETE /api/v1/me/bookmarks/..</c> once deleted the whole account. Sent byte for byte over a socket,
/// as <c>curl --path-as-is</c> does (HTTP libraries resolve dot segments before sending).
/// </summary>
public sealed class DotSegmentTests(KestrelSqliteApp app) : ApiTestBase<KestrelSqliteApp>(app)
{
    [Theory]
    [InlineData("DELETE", "/api/v1/me/bookmarks/..")]
    [InlineData("DELETE", "/api/v1/me/bookmarks/%2e%2e")]
    [InlineData("DELETE", "/api/v1/me/bookmarks/%2E%2E/")]
    [InlineData("POST", "/api/v1/me/bookmarks/../deletion")]
    [InlineData("POST", "/api/v1/me/bookmarks/.%2e/deletion")]
    [InlineData("DELETE", "/t/gross-gerau/api/v1/me/bookmarks/..")]
    [InlineData("POST", "/api/v1/me/./deletion")]
    public async Task A_target_with_dot_segments_is_refused_and_the_account_stays(string method, string target)
    {
        var host = target.StartsWith("/t/", StringComparison.Ordinal) ? "localhost" : "gross-gerau.localhost";
        var prefix = target.StartsWith("/t/", StringComparison.Ordinal) ? "/t/gross-gerau" : "";
        var login = await RawAsync(host, "POST", prefix + "/api/v1/auth/login", null,
            $$"""{"email":"jana@gross-gerau.example","password":"{{DatabaseInitializer.DemoPassword}}"}""");
        Assert.Equal(200, login.Status);
        var token = JsonDocument.Parse(login.Body).RootElement.GetProperty("accessToken").GetString()!;

        var response = await RawAsync(host, method, target, token, $$"""{"password":"{{DatabaseInitializer.DemoPassword}}"}""");

        Assert.True(response.Status == 400, $"{method} {target}: {response.Status} {response.Body}");
        Assert.Contains("application/problem+json", response.Headers, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(200, (await RawAsync(host, "GET", prefix + "/api/v1/auth/me", token, null)).Status);
    }

    [Fact]
    public async Task A_plain_target_still_works_over_the_socket()
    {
        var response = await RawAsync("gross-gerau.localhost", "GET", "/api/v1/posts?page=1&pageSize=1", null, null);

        Assert.Equal(200, response.Status);
    }

    private async Task<(int Status, string Headers, string Body)> RawAsync(string host, string method, string target, string? token, string? json)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(App.ServerAddress.Host, App.ServerAddress.Port);
        await using var stream = tcp.GetStream();
        var body = json is null ? [] : Encoding.UTF8.GetBytes(json);
        var head = new StringBuilder()
            // HTTP/1.0: the answer ends with the connection, never chunked.
            .Append(CultureInfo.InvariantCulture, $"{method} {target} HTTP/1.0\r\n")
            .Append(CultureInfo.InvariantCulture, $"Host: {host}:{App.ServerAddress.Port}\r\n");
        if (token is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Authorization: Bearer {token}\r\n");
        }

        if (json is not null)
        {
            head.Append("Content-Type: application/json\r\n");
        }

        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(body);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = split < 0 ? text : text[..split];
        var status = int.Parse(headers.Split(' ')[1], CultureInfo.InvariantCulture);
        return (status, headers, split < 0 ? "" : text[(split + 4)..]);
    }
}
