using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.Infrastructure.Persistence;
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

    /// <summary>Signs in through the API and returns the bearer token.</summary>
    protected internal static async Task<string> SignInAsync(HttpClient client, string email, string password = DatabaseInitializer.DemoPassword) =>
        (await SignInForTokensAsync(client, email, password)).GetProperty("accessToken").GetString()!;

    /// <summary>
    /// Signs a staff member in with password and a real TOTP code (the authenticator app is set up first): a session
    /// that may publish. A password alone does not (<c>PlatformPolicies.Publishing</c>).
    /// </summary>
    protected internal static Task<string> SignInWithSecondFactorAsync(PlatformApp app, HttpClient client, string? slug, string email) =>
        TwoFactor.SignInWithSecondFactorAsync(app, client, slug, email, DatabaseInitializer.DemoPassword);

    /// <summary>Signs <paramref name="client"/> in with a cookie, as a browser does, for tests that read pages.</summary>
    protected internal static async Task SignInWithCookieAsync(
        HttpClient client, string email, string password = DatabaseInitializer.DemoPassword, string? twoFactorCode = null)
    {
        using var login = await client.PostAsJsonAsync("api/v1/auth/login?useCookies=true", new { email, password, twoFactorCode });
        Assert.True(login.IsSuccessStatusCode, $"cookie login {email}: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
    }

    protected internal static async Task<JsonElement> SignInForTokensAsync(HttpClient client, string email, string password)
    {
        using var response = await client.PostAsJsonAsync("api/v1/auth/login", new { email, password });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"login {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await ReadJsonAsync(response);
    }

    /// <summary>Sends a request with a bearer token and an optional JSON body.</summary>
    protected internal static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }

    protected static async Task<JsonElement> GetJsonAsync(HttpClient client, string token, string url)
    {
        using var response = await SendAsync(client, HttpMethod.Get, url, token);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await ReadJsonAsync(response);
    }

    protected static IEnumerable<string> Titles(JsonElement feed) =>
        feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!);

    protected static IEnumerable<Guid> Ids(JsonElement feed) =>
        feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid());

    /// <summary>A post of the tenant <paramref name="slug"/> (topic Wohnen), published now unless <paramref name="publish"/> is false.</summary>
    protected Task<Guid> AddPostAsync(string slug, string title, string summary, string body, bool publish = true) =>
        App.InTenantAsync(slug, async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var post = Post.CreateDraft(sp.GetRequiredService<ICurrentTenant>().RequiredId, title, summary, body, Topics.Wohnen, DateTime.UtcNow);
            if (publish)
            {
                post.Publish(DateTime.UtcNow);
            }

            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post.Id;
        });
}
