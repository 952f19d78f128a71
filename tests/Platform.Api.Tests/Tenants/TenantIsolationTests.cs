using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Tenants;

public abstract class TenantIsolationTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task Host_and_prefix_resolve_the_same_tenant()
    {
        using var byHost = App.CreateTenantClient("offenbach");
        using var byPrefix = App.CreatePrefixClient("offenbach");

        var hostIds = Ids(await GetJsonAsync(byHost, "api/v1/posts?pageSize=50")).ToHashSet();
        var prefixIds = Ids(await GetJsonAsync(byPrefix, "api/v1/posts?pageSize=50")).ToHashSet();

        Assert.NotEmpty(hostIds);
        Assert.Equal(hostIds, prefixIds);
    }

    [Fact]
    public async Task Tenants_never_list_each_others_posts()
    {
        using var a = App.CreateTenantClient("gross-gerau");
        using var b = App.CreatePrefixClient("offenbach");

        var aIds = Ids(await GetJsonAsync(a, "api/v1/posts?pageSize=50")).ToHashSet();
        var bIds = Ids(await GetJsonAsync(b, "api/v1/posts?pageSize=50")).ToHashSet();

        Assert.NotEmpty(aIds);
        Assert.NotEmpty(bIds);
        Assert.Empty(aIds.Intersect(bIds));
    }

    [Fact]
    public async Task Another_tenants_post_is_404_by_host_by_prefix_and_mixed()
    {
        using var offenbach = App.CreateTenantClient("offenbach");
        var offenbachPost = Ids(await GetJsonAsync(offenbach, "api/v1/posts?pageSize=1")).Single();

        using var byHost = App.CreateTenantClient("gross-gerau");
        using var byPrefix = App.CreatePrefixClient("gross-gerau");
        using var mixed = App.CreateTenantClient("gross-gerau");

        Assert.Equal(HttpStatusCode.NotFound, (await byHost.GetAsync(new Uri($"api/v1/posts/{offenbachPost}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await byPrefix.GetAsync(new Uri($"api/v1/posts/{offenbachPost}", UriKind.Relative))).StatusCode);

        // Host says gross-gerau, path prefix says offenbach: the host wins and the prefix is not a route.
        using var mixedResponse = await mixed.GetAsync(new Uri($"/t/offenbach/api/v1/posts/{offenbachPost}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, mixedResponse.StatusCode);
        using var mixedList = await mixed.GetAsync(new Uri("/t/offenbach/api/v1/posts", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, mixedList.StatusCode);
    }

    [Fact]
    public async Task Another_tenants_post_has_no_card_and_no_instagram_kit_by_host_or_prefix()
    {
        using var offenbach = App.CreateTenantClient("offenbach");
        var offenbachPost = Ids(await GetJsonAsync(offenbach, "api/v1/posts?pageSize=1")).Single();
        using var byHost = App.CreateTenantClient("gross-gerau");
        using var byPrefix = App.CreatePrefixClient("gross-gerau");
        var editor = await SignInAsync(byHost, "redaktion@gross-gerau.example");

        // Offenbach's own card exists, so a 404 below is the tenant boundary, not a missing post.
        Assert.Equal(HttpStatusCode.OK, (await offenbach.GetAsync(new Uri($"api/v1/posts/{offenbachPost}/card", UriKind.Relative))).StatusCode);
        foreach (var client in new[] { byHost, byPrefix })
        {
            foreach (var size in new[] { "1200x630", "1080x1080", "1080x1350" })
            {
                using var card = await client.GetAsync(new Uri($"api/v1/posts/{offenbachPost}/card?size={size}", UriKind.Relative));
                Assert.Equal(HttpStatusCode.NotFound, card.StatusCode);
            }

            foreach (var path in new[] { "instagram", "instagram.zip", "instagram/slides/1.png" })
            {
                using var kit = await SendAsync(client, HttpMethod.Get, $"api/v1/editorial/posts/{offenbachPost}/{path}", editor);
                Assert.Equal(HttpStatusCode.NotFound, kit.StatusCode);
            }
        }

        // A Groß-Gerau token at Offenbach's address is refused before any post is looked up.
        using var foreignToken = await SendAsync(offenbach, HttpMethod.Get, $"api/v1/editorial/posts/{offenbachPost}/instagram", editor);
        Assert.True(foreignToken.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{foreignToken.StatusCode}");
    }

    [Fact]
    public async Task Pinned_links_stay_with_their_jobcenter_and_another_jobcenters_post_cannot_be_pinned()
    {
        using var grossGerau = App.CreateTenantClient("gross-gerau");
        using var offenbach = App.CreatePrefixClient("offenbach");
        var ggEditor = await SignInAsync(grossGerau, "redaktion@gross-gerau.example");
        var ofEditor = await SignInAsync(offenbach, "redaktion@offenbach.example");
        var ggPost = Ids(await GetJsonAsync(grossGerau, "api/v1/posts?pageSize=1")).Single();
        var ofPost = Ids(await GetJsonAsync(offenbach, "api/v1/posts?pageSize=1")).Single();

        using var pinned = await SendAsync(grossGerau, HttpMethod.Put, "api/v1/editorial/links", ggEditor, new
        {
            items = new object[] { new { kind = "Post", label = "Nur in Groß-Gerau", postId = ggPost }, new { kind = "External", label = "GG-Termine", url = "https://gg.example/termine" } },
        });
        Assert.Equal(HttpStatusCode.OK, pinned.StatusCode);
        using var foreign = await SendAsync(grossGerau, HttpMethod.Put, "api/v1/editorial/links", ggEditor, new
        {
            items = new[] { new { kind = "Post", label = "Fremd", postId = ofPost } },
        });
        await Posts.EditorialApi.AssertProblemAsync(foreign, HttpStatusCode.BadRequest, "items[0].postId");

        Assert.Equal(0, (await GetJsonAsync(offenbach, ofEditor, "api/v1/editorial/links")).GetProperty("items").GetArrayLength());
        var offenbachPage = await offenbach.GetStringAsync(new Uri("links", UriKind.Relative));
        Assert.DoesNotContain("Groß-Gerau", System.Net.WebUtility.HtmlDecode(offenbachPage), StringComparison.Ordinal);
        Assert.DoesNotContain("gg.example", offenbachPage, StringComparison.Ordinal);
        Assert.DoesNotContain(ggPost.ToString(), offenbachPage, StringComparison.Ordinal);
        Assert.Contains(">GG-Termine</a>", await grossGerau.GetStringAsync(new Uri("links", UriKind.Relative)), StringComparison.Ordinal);

        // Offenbach's editor with Groß-Gerau's address: refused, not served Groß-Gerau's pins.
        using var mixed = await SendAsync(grossGerau, HttpMethod.Get, "api/v1/editorial/links", ofEditor);
        Assert.True(mixed.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, mixed.StatusCode.ToString());
    }

    [Fact]
    public async Task A_forged_forwarded_host_does_not_switch_the_tenant()
    {
        using var offenbach = App.CreateTenantClient("offenbach");
        var offenbachIds = Ids(await GetJsonAsync(offenbach, "api/v1/posts?pageSize=50")).ToHashSet();
        using var client = App.CreateTenantClient("gross-gerau");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "offenbach.localhost");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "10.0.0.1");
        client.DefaultRequestHeaders.Add("X-Original-Host", "offenbach.localhost");

        var ids = Ids(await GetJsonAsync(client, "api/v1/posts?pageSize=50")).ToHashSet();

        Assert.NotEmpty(ids);
        Assert.Empty(ids.Intersect(offenbachIds));
    }

    [Fact]
    public async Task A_forged_forwarded_host_on_the_bare_host_finds_no_tenant()
    {
        using var client = App.CreateClientForHost("localhost");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "offenbach.localhost");

        using var response = await client.GetAsync(new Uri("api/v1/posts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Host_names_match_case_insensitively()
    {
        using var upper = App.CreateClientForHost("GROSS-GERAU.LOCALHOST");
        using var lower = App.CreateTenantClient("gross-gerau");

        Assert.Equal(
            Ids(await GetJsonAsync(lower, "api/v1/posts")).ToList(),
            Ids(await GetJsonAsync(upper, "api/v1/posts")).ToList());
    }

    [Theory]
    [InlineData("unbekannt.localhost", "api/v1/posts")]
    [InlineData("localhost", "t/unbekannt/api/v1/posts")]
    [InlineData("localhost", "api/v1/posts")]
    [InlineData("jobcenter.example.org", "api/v1/posts")]
    public async Task Unknown_or_missing_tenant_is_404_problem(string host, string path)
    {
        using var client = App.CreateClientForHost(host);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_tenant_page_is_a_german_404_page()
    {
        using var client = App.CreateClientForHost("unbekannt.localhost");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Jobcenter nicht gefunden", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SqliteTenantIsolationTests(SqliteApp app) : TenantIsolationTests<SqliteApp>(app);

public sealed class PostgresTenantIsolationTests(PostgresApp app) : TenantIsolationTests<PostgresApp>(app);

/// <summary>The host behind a proxy at 10.9.9.9: requests from anywhere else may not set X-Forwarded-Host.</summary>
public sealed class OtherProxyApp() : PlatformApp(DatabaseProvider.Sqlite)
{
    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting("Platform:Tenancy:TrustedProxies:0", "10.9.9.9");
}

public sealed class UntrustedProxyTests(OtherProxyApp app) : ApiTestBase<OtherProxyApp>(app)
{
    [Fact]
    public async Task Forwarded_host_from_an_address_that_is_not_a_configured_proxy_is_ignored()
    {
        using var offenbach = App.CreateTenantClient("offenbach");
        var offenbachIds = Ids(await GetJsonAsync(offenbach, "api/v1/posts?pageSize=50")).ToHashSet();
        using var client = App.CreateTenantClient("gross-gerau");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "offenbach.localhost");

        var ids = Ids(await GetJsonAsync(client, "api/v1/posts?pageSize=50")).ToHashSet();

        Assert.NotEmpty(ids);
        Assert.Empty(ids.Intersect(offenbachIds));
    }
}

/// <summary>
/// The host behind proxies somewhere on loopback's network (as an ingress controller's pods in a pod network); every
/// request arrives as from 127.0.0.1, as through one of them.
/// </summary>
public sealed class LoopbackProxyApp() : PlatformApp(DatabaseProvider.Sqlite)
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Platform:Tenancy:TrustedProxies:0", "127.0.0.0/8");
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, FromLoopback>());
    }

    /// <summary>The in-memory test server has no remote address; a real proxy connection would.</summary>
    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class TrustedProxyTests(LoopbackProxyApp app) : ApiTestBase<LoopbackProxyApp>(app)
{
    [Fact]
    public async Task Forwarded_host_from_a_configured_proxy_selects_the_tenant()
    {
        using var offenbach = App.CreateTenantClient("offenbach");
        var offenbachIds = Ids(await GetJsonAsync(offenbach, "api/v1/posts?pageSize=50")).ToHashSet();
        using var client = App.CreateClientForHost("localhost");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "offenbach.localhost");

        var ids = Ids(await GetJsonAsync(client, "api/v1/posts?pageSize=50")).ToHashSet();

        Assert.Equal(offenbachIds, ids);
    }
}

public sealed class TrustedProxySettingTests
{
    [Fact]
    public async Task A_trusted_proxy_that_is_neither_an_address_nor_a_network_stops_the_start_and_names_the_setting()
    {
        var app = new PlatformApp(DatabaseProvider.Sqlite)
        {
            Settings = new Dictionary<string, string?> { ["Platform:Tenancy:TrustedProxies:0"] = "haproxy.intern" },
        };

        var message = await app.StartFailureAsync();

        Assert.Contains("Platform:Tenancy:TrustedProxies", message, StringComparison.Ordinal);
    }
}
