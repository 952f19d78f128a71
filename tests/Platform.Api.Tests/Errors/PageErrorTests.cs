using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Posts;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Errors;

/// <summary>
/// The app with one fault planted where the feed page and the feed API read the jobcenter's topics: the only way to
/// make a real page throw while rendering. Everything else is the real platform.
/// </summary>
public sealed class FailingPageApp() : PlatformApp(DatabaseProvider.Sqlite)
{
    public const string Secret = "planted-fault-in-topic_catalog";

    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddScoped<ITopicCatalog, FailingTopicCatalog>());

    private sealed class FailingTopicCatalog : ITopicCatalog
    {
        public Task<TopicSet> ForCurrentTenantAsync(CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(Secret);
    }
}

/// <summary>
/// A page that fails while rendering answers a browser at once with a small error page: status 500, HTML, in the
/// visitor's language, without the exception's message or a stack trace; the API answers problem+json as before.
/// </summary>
public sealed class PageErrorTests(FailingPageApp app) : ApiTestBase<FailingPageApp>(app)
{
    [Theory]
    [InlineData("host", "", "de", "Ein unerwarteter Fehler ist aufgetreten")]
    [InlineData("host", "?culture=en", "en", "An unexpected error occurred")]
    [InlineData("prefix", "", "de", "Ein unerwarteter Fehler ist aufgetreten")]
    public async Task A_page_that_throws_while_rendering_answers_a_localized_error_page(string by, string url, string language, string title)
    {
        using var client = by == "host" ? App.CreateTenantClient("gross-gerau") : App.CreatePrefixClient("gross-gerau");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"{(int)response.StatusCode} {body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1>{title}</h1>", body, StringComparison.Ordinal);
        Assert.Contains($"lang=\"{language}\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(FailingPageApp.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_behind_the_same_fault_answers_problem_json_without_details()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.GetAsync(new Uri("api/v1/posts", UriKind.Relative));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(FailingPageApp.Secret, body, StringComparison.Ordinal);
    }
}
