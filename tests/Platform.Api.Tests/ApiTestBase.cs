using System.Net.Http.Json;
using System.Text.Json;
using Platform.TestSupport;

namespace Platform.Api.Tests;

/// <summary>One host per class (SQLite or PostgreSQL), demo data restored before each test.</summary>
public abstract class ApiTestBase<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime
    where TApp : PlatformApp
{
    protected TApp App { get; } = app;

    public virtual Task InitializeAsync() => App.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    protected static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await ReadJsonAsync(response);
    }

    protected static IEnumerable<string> Titles(JsonElement feed) =>
        feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!);

    protected static IEnumerable<Guid> Ids(JsonElement feed) =>
        feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid());
}
