using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Tenants;

/// <summary>
/// Every API endpoint, enumerated from the app's own endpoint data source so that a new endpoint is covered
/// automatically, refuses a TenantAdmin of one jobcenter in another: never a 2xx, never a 5xx.
/// </summary>
public sealed class CrossTenantEndpointTests(SqliteApp app) : ApiTestBase<SqliteApp>(app)
{
    [Fact]
    public async Task No_endpoint_lets_staff_of_one_jobcenter_act_in_another()
    {
        using var home = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(home, "admin@gross-gerau.example", DatabaseInitializer.DemoPassword);
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .ToList();
        Assert.True(endpoints.Count >= 15, $"only {endpoints.Count} API endpoints found");

        var checkedCalls = 0;
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var path = Fill(endpoint.RoutePattern.RawText!);
            foreach (var method in methods)
            {
                foreach (var other in new[] { App.CreateTenantClient("offenbach"), App.CreatePrefixClient("offenbach") })
                {
                    using (other)
                    {
                        using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        if (method is "POST" or "PUT")
                        {
                            request.Content = JsonContent.Create(new { });
                        }

                        using var response = await other.SendAsync(request);
                        var status = (int)response.StatusCode;
                        Assert.True(status is 401 or 403 or 404, $"{method} {path} with another jobcenter's token: {status}");
                        checkedCalls++;
                    }
                }
            }
        }

        Assert.True(checkedCalls >= 30);
    }

    [Fact]
    public void Every_staff_endpoint_requires_authorization()
    {
        var open = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/v1/tenant/", StringComparison.Ordinal) || raw.StartsWith("/api/v1/platform", StringComparison.Ordinal) || raw.StartsWith("/api/v1/me", StringComparison.Ordinal) || raw.StartsWith("/api/v1/editorial", StringComparison.Ordinal)))
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.Empty(open);
    }

    private static string Fill(string pattern) =>
        Regex.Replace(pattern, "{[^}]+}", m => m.Value.Contains(":guid", StringComparison.Ordinal) || m.Value.Contains("Id", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "x");
}
