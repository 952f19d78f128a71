using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Platform.Api.Tests.Posts;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Accounts;

/// <summary>
/// Access ends with its reason (ADR-011): after signing out (API or web page), removal from the team, a role change, a
/// new password or the deletion of the account, the old cookie, the old bearer token and the old refresh token stop
/// working at their next request. The check reads the security stamp from the database on every request, so there is
/// no interval to wait for, and every node sharing the database sees the same.
/// </summary>
public abstract partial class AccessRevocationTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string Reviewer = "pruefung@gross-gerau.example";
    private const string Admin = "admin@gross-gerau.example";
    private const string Jana = "jana@gross-gerau.example";

    [Fact]
    public async Task Signing_out_through_the_api_ends_every_cookie_token_and_refresh_token_of_the_account()
    {
        using var sessions = await OpenSessionsAsync(Jana);

        using (var logout = await SendAsync(sessions.App, HttpMethod.Post, "api/v1/auth/logout", sessions.AccessToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        }

        await AssertEndedAsync(sessions);
        await SignInAsync(sessions.App, Jana);
    }

    [Fact]
    public async Task Signing_out_on_the_web_page_ends_every_cookie_token_and_refresh_token_of_the_account()
    {
        using var sessions = await OpenSessionsAsync(Jana);
        using var page = App.CreateTenantClient("gross-gerau");
        await SignInWithCookieAsync(page, Jana);
        var html = await page.GetStringAsync(new Uri("meine-daten", UriKind.Relative));
        var token = AntiforgeryToken().Match(html).Groups["token"].Value;
        Assert.NotEmpty(token);

        using var signOut = await page.PostAsync(new Uri("meine-daten", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "abmelden",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.True(signOut.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, $"{(int)signOut.StatusCode}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await page.GetAsync(new Uri("api/v1/auth/me", UriKind.Relative))).StatusCode);
        await AssertEndedAsync(sessions);
    }

    [Fact]
    public async Task A_reviewer_removed_from_the_team_can_neither_list_nor_create_posts_with_the_old_sessions()
    {
        using var sessions = await OpenSessionsAsync(Reviewer);
        using (var list = await SendAsync(sessions.App, HttpMethod.Get, "api/v1/editorial/posts", sessions.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }

        using (var removed = await AsAdminAsync(HttpMethod.Delete, $"api/v1/tenant/staff/{await StaffIdAsync(Reviewer)}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        await AssertEndedAsync(sessions);
        using var listed = await SendAsync(sessions.App, HttpMethod.Get, "api/v1/editorial/posts", sessions.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, listed.StatusCode);
        using var created = await SendAsync(sessions.App, HttpMethod.Post, "api/v1/editorial/posts", sessions.AccessToken, EditorialApi.Draft("Nach dem Ausscheiden"));
        Assert.Equal(HttpStatusCode.Unauthorized, created.StatusCode);
    }

    [Fact]
    public async Task A_role_change_ends_the_sessions_signed_in_with_the_old_role()
    {
        using var sessions = await OpenSessionsAsync(Reviewer);

        using (var changed = await AsAdminAsync(HttpMethod.Put, $"api/v1/tenant/staff/{await StaffIdAsync(Reviewer)}/role", new { role = "Editor" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        }

        await AssertEndedAsync(sessions);
        var fresh = await SignInAsync(sessions.App, Reviewer);
        var me = await GetJsonAsync(sessions.App, fresh, "api/v1/auth/me");
        Assert.Equal(["Editor"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_new_password_ends_the_sessions_signed_in_with_the_old_one()
    {
        using var sessions = await OpenSessionsAsync(Jana);
        using var client = App.CreateTenantClient("gross-gerau");
        using (var forgot = await client.PostAsJsonAsync("api/v1/auth/forgot-password", new { email = Jana }))
        {
            Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        }

        var code = await AccountMail.ResetCodeAsync(App, Jana);
        using (var reset = await client.PostAsJsonAsync("api/v1/auth/reset-password", new { email = Jana, code, newPassword = "Ein ganz neuer Satz als Passwort" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        }

        await AssertEndedAsync(sessions);
    }

    [Fact]
    public async Task After_the_account_is_deleted_its_old_token_is_401_never_500()
    {
        using var sessions = await OpenSessionsAsync(Jana);

        using (var deleted = await SendAsync(sessions.App, HttpMethod.Post, "api/v1/me/deletion", sessions.AccessToken, new { password = DatabaseInitializer.DemoPassword }))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await AssertEndedAsync(sessions);
        using var reminder = await SendAsync(sessions.App, HttpMethod.Post, "api/v1/reminders", sessions.AccessToken,
            new { kind = "JobcenterAppointment", dueAt = DateTime.UtcNow.AddDays(3), leadTimeMinutes = new[] { 1440 } });
        Assert.Equal(HttpStatusCode.Unauthorized, reminder.StatusCode);
        using var cookieReminder = await SendWithOwnOriginAsync(sessions.Browser, HttpMethod.Post, "api/v1/reminders",
            new { kind = "JobcenterAppointment", dueAt = DateTime.UtcNow.AddDays(3), leadTimeMinutes = new[] { 1440 } });
        Assert.Equal(HttpStatusCode.Unauthorized, cookieReminder.StatusCode);
    }

    /// <summary>A browser signed in with the cookie, and an app with a bearer token and its refresh token; both work.</summary>
    private async Task<Sessions> OpenSessionsAsync(string email)
    {
        var browser = App.CreateTenantClient("gross-gerau");
        await SignInWithCookieAsync(browser, email);
        var app = App.CreateTenantClient("gross-gerau");
        var tokens = await SignInForTokensAsync(app, email, DatabaseInitializer.DemoPassword);
        var sessions = new Sessions(browser, app, tokens.GetProperty("accessToken").GetString()!, tokens.GetProperty("refreshToken").GetString()!);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("api/v1/auth/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(app, HttpMethod.Get, "api/v1/auth/me", sessions.AccessToken)).StatusCode);
        using var refreshed = await app.PostAsJsonAsync("api/v1/auth/refresh", new { refreshToken = sessions.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        return sessions;
    }

    private static async Task AssertEndedAsync(Sessions sessions)
    {
        using var cookie = await sessions.Browser.GetAsync(new Uri("api/v1/auth/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, cookie.StatusCode);
        using var page = await sessions.Browser.GetAsync(new Uri("meine-daten", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("anmelden", page.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        using var bearer = await SendAsync(sessions.App, HttpMethod.Get, "api/v1/auth/me", sessions.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, bearer.StatusCode);
        using var data = await SendAsync(sessions.App, HttpMethod.Get, "api/v1/me/data", sessions.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, data.StatusCode);
        using var refresh = await sessions.App.PostAsJsonAsync("api/v1/auth/refresh", new { refreshToken = sessions.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    private static async Task SignInWithCookieAsync(HttpClient client, string email)
    {
        using var login = await client.PostAsJsonAsync("api/v1/auth/login?useCookies=true", new { email, password = DatabaseInitializer.DemoPassword });
        Assert.True(login.IsSuccessStatusCode, $"login {email}: {(int)login.StatusCode}");
    }

    private static async Task<HttpResponseMessage> SendWithOwnOriginAsync(HttpClient client, HttpMethod method, string url, object body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Origin", "http://gross-gerau.localhost");
        return await client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> AsAdminAsync(HttpMethod method, string url, object? body = null)
    {
        using var client = App.CreateTenantClient("gross-gerau");
        return await SendAsync(client, method, url, await SignInAsync(client, Admin), body);
    }

    private async Task<Guid> StaffIdAsync(string email)
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var staff = await GetJsonAsync(client, await SignInAsync(client, Admin), "api/v1/tenant/staff");
        return staff.EnumerateArray().Single(s => s.GetProperty("email").GetString() == email).GetProperty("id").GetGuid();
    }

    // Blazor puts the same antiforgery token into every form of the page.
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private sealed record Sessions(HttpClient Browser, HttpClient App, string AccessToken, string RefreshToken) : IDisposable
    {
        public void Dispose()
        {
            Browser.Dispose();
            App.Dispose();
        }
    }
}

public sealed class SqliteAccessRevocationTests(ManySignInsSqliteApp app) : AccessRevocationTests<ManySignInsSqliteApp>(app);

public sealed class PostgresAccessRevocationTests(ManySignInsPostgresApp app) : AccessRevocationTests<ManySignInsPostgresApp>(app);
