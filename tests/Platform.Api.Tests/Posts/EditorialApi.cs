using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.TestSupport;

namespace Platform.Api.Tests.Posts;

/// <summary>Calls of the editorial API as the tests use them; every call asserts what it needs.</summary>
internal static class EditorialApi
{
    public const string PostsUrl = "api/v1/editorial/posts";

    public static readonly byte[] TinyPng = Convert.FromHexString(
        "89504E470D0A1A0A0000000D4948445200000001000000010806000000" + "1F15C4890000000B4944415478DA636000020000050001E9FADCD8" + "0000000049454E44AE426082");

    public static object Draft(string title, string body = "Erster Absatz.\nZweite Zeile.") =>
        new { title, summary = "Kurz erklärt", bodyMarkdown = body, topics = new[] { "Jobsuche" } };

    public static async Task<Guid> CreateAsync(HttpClient client, string token, string title, string body = "Erster Absatz.\nZweite Zeile.")
    {
        using var response = await ApiTestBase<Platform.TestSupport.SqliteApp>.SendAsync(client, HttpMethod.Post, PostsUrl, token, Draft(title, body));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var state = await ReadAsync(response);
        Assert.Equal("Draft", state.GetProperty("status").GetString());
        Assert.Equal(1, state.GetProperty("contentVersion").GetInt32());
        return state.GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> StepAsync(HttpClient client, string token, Guid id, string step, object? body = null) =>
        ApiTestBase<SqliteApp>.SendAsync(client, HttpMethod.Post, $"{PostsUrl}/{id}/{step}", token, body ?? new { });

    /// <summary>A workflow step that must succeed; returns the new status.</summary>
    public static async Task<string> StepOkAsync(HttpClient client, string token, Guid id, string step, object? body = null)
    {
        using var response = await StepAsync(client, token, id, step, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await ReadAsync(response)).GetProperty("status").GetString()!;
    }

    /// <summary>Written by redaktion@, submitted, approved by pruefung@: ready to schedule or publish.</summary>
    public static async Task<Guid> ApprovedAsync(HttpClient client, string editor, string reviewer, string title)
    {
        var id = await CreateAsync(client, editor, title);
        Assert.Equal("InReview", await StepOkAsync(client, editor, id, "submit"));
        Assert.Equal("Approved", await StepOkAsync(client, reviewer, id, "approve"));
        return id;
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string token, Guid id)
    {
        using var response = await ApiTestBase<Platform.TestSupport.SqliteApp>.SendAsync(client, HttpMethod.Get, $"{PostsUrl}/{id}", token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"get: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await ReadAsync(response);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}': {text}");
        }
    }

    /// <summary>A published post written straight into the database of <paramref name="slug"/> (texts the form would refuse).</summary>
    public static Task<Guid> PublishedDirectlyAsync(PlatformApp app, string slug, string title, string body = "Text", string summary = "Kurz") =>
        app.InTenantAsync(slug, async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var now = DateTime.UtcNow;
            var post = Post.Create(
                sp.GetRequiredService<ICurrentTenant>().RequiredId,
                new PostContent { Title = title, Summary = summary, BodyMarkdown = body, Topics = Topics.Geld | Topics.Wohnen },
                PostActor.System,
                now);
            post.PublishNow(PostActor.System, now, fourEyesRule: false);
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post.Id;
        });
}
