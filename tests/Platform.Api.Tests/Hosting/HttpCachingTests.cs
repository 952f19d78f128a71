using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Hosting;

/// <summary>Compression, Cache-Control, Vary, ETag and HEAD (ADR-024), as browsers and proxies between them rely on.</summary>
public abstract class HttpCachingTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string EnglishCookie = ".AspNetCore.Culture=c%3Den%7Cuic%3Den";

    [Theory]
    [InlineData("", "text/html", "br")]
    [InlineData("", "text/html", "gzip")]
    [InlineData("api/v1/posts", "application/json", "br")]
    [InlineData("api/v1/posts", "application/json", "gzip")]
    [InlineData("api/v1/events/feed.ics", "text/calendar", "br")]
    [InlineData("api/v1/events/feed.ics", "text/calendar", "gzip")]
    [InlineData("openapi/v1.json", "application/json", "br")]
    [InlineData("openapi/v1.json", "application/json", "gzip")]
    public async Task Pages_json_ics_and_the_openapi_document_are_compressed_as_the_client_asks(string url, string mediaType, string encoding)
    {
        using var client = App.CreateTenantClient("gross-gerau");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd(encoding);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        await using var compressed = await response.Content.ReadAsStreamAsync();
        await using Stream decompressed = encoding == "br"
            ? new BrotliStream(compressed, CompressionMode.Decompress)
            : new GZipStream(compressed, CompressionMode.Decompress);
        var text = await new StreamReader(decompressed).ReadToEndAsync();
        Assert.NotEmpty(text);
    }

    [Fact]
    public async Task Without_accept_encoding_nothing_is_compressed()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.GetAsync(new Uri("api/v1/posts", UriKind.Relative));

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.StartsWith("{", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "public, max-age=1")]
    [InlineData("api/v1/posts", "public, max-age=1")]
    [InlineData("veranstaltungen", "public, no-cache")]
    public async Task Anonymous_answers_are_public_for_as_long_as_the_output_cache_keeps_them_and_vary_by_cookie(string url, string cacheControl)
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(cacheControl, CacheControl(response));
        Assert.Contains("Cookie", response.Headers.Vary);
    }

    [Fact]
    public async Task A_language_chosen_by_cookie_is_never_stored_by_a_shared_cache()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        client.DefaultRequestHeaders.Add("Cookie", EnglishCookie);

        using var response = await client.GetAsync(new Uri("", UriKind.Relative));

        Assert.Contains("<html lang=\"en\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("private, max-age=1", CacheControl(response));
        Assert.Contains("Cookie", response.Headers.Vary);
    }

    [Fact]
    public async Task Signed_in_answers_are_private_no_store_and_not_compressed()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        using var login = await client.PostAsJsonAsync("api/v1/auth/login?useCookies=true",
            new { email = "jana@gross-gerau.example", password = DatabaseInitializer.DemoPassword });
        Assert.True(login.IsSuccessStatusCode);

        foreach (var url in new[] { "", "meine-daten", "api/v1/auth/me" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.ParseAdd("br, gzip");
            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("private, no-store", CacheControl(response));
            Assert.Empty(response.Content.Headers.ContentEncoding);
            Assert.Null(response.Headers.ETag);
        }
    }

    [Fact]
    public async Task A_page_with_an_antiforgery_token_is_not_stored_and_not_compressed()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        using var request = new HttpRequestMessage(HttpMethod.Get, "kontakt");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("__RequestVerificationToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.CacheControl?.ToString());
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("api/v1/posts?topic=Geld")]
    [InlineData("")]
    [InlineData("veranstaltungen")]
    public async Task The_etag_revalidates_to_304_without_a_body(string url)
    {
        using var client = App.CreateTenantClient("gross-gerau");
        using var first = await client.GetAsync(new Uri(url, UriKind.Relative));
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.True(tag.IsWeak);

        using var revalidation = new HttpRequestMessage(HttpMethod.Get, url);
        revalidation.Headers.IfNoneMatch.Add(tag);
        using var notModified = await client.SendAsync(revalidation);
        using var other = new HttpRequestMessage(HttpMethod.Get, url);
        other.Headers.IfNoneMatch.ParseAdd("W/\"something-else\"");
        using var changed = await client.SendAsync(other);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, notModified.Headers.ETag);
        Assert.Equal(CacheControl(first), CacheControl(notModified));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(tag, changed.Headers.ETag);
    }

    [Fact]
    public async Task Another_tenant_or_language_has_another_etag()
    {
        using var grossGerau = App.CreateTenantClient("gross-gerau");
        using var offenbach = App.CreateTenantClient("offenbach");
        using var english = App.CreateTenantClient("gross-gerau");
        english.DefaultRequestHeaders.Add("Cookie", EnglishCookie);

        var tags = new List<string>();
        foreach (var client in new[] { grossGerau, offenbach, english })
        {
            using var response = await client.GetAsync(new Uri("", UriKind.Relative));
            tags.Add(response.Headers.ETag!.Tag);
        }

        Assert.Equal(3, tags.Distinct().Count());
    }

    [Fact]
    public async Task Head_answers_like_get_on_every_get_endpoint_and_sends_no_body()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods
                && methods.HttpMethods.Contains(HttpMethods.Get)
                && !methods.HttpMethods.Contains(HttpMethods.Head))
            .Select(e => Fill(e.RoutePattern))
            .Distinct()
            .ToList();
        Assert.Contains("api/v1/posts", endpoints);
        Assert.Contains("veranstaltungen", endpoints);

        var differences = new List<string>();
        foreach (var url in endpoints)
        {
            using var get = await client.GetAsync(new Uri(url, UriKind.Relative));
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            var body = await head.Content.ReadAsByteArrayAsync();
            if (get.StatusCode != head.StatusCode || body.Length > 0)
            {
                differences.Add($"{url}: GET {(int)get.StatusCode}, HEAD {(int)head.StatusCode} with {body.Length} bytes");
            }
        }

        Assert.Empty(differences);
    }

    /// <summary>The header as the server wrote it (HttpClient's parsed value reorders the directives).</summary>
    private static string CacheControl(HttpResponseMessage response) =>
        string.Join(", ", response.Headers.NonValidated["Cache-Control"]);

    /// <summary>A concrete address for a route pattern: ids as GUIDs, numbers as 1, any other parameter as text.</summary>
    private static string Fill(RoutePattern pattern) => string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternSeparatorPart separator => separator.Content,
        RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "guid") => Guid.NewGuid().ToString(),
        RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "int") => "1",
        _ => "beispiel",
    }))));
}

public sealed class SqliteHttpCachingTests(SqliteApp app) : HttpCachingTests<SqliteApp>(app);

public sealed class PostgresHttpCachingTests(PostgresApp app) : HttpCachingTests<PostgresApp>(app);
