using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Accounts;

public abstract class ResetPasswordTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string NewPassword = "Ein ganz neuer Satz als Passwort";

    [Fact]
    public async Task A_mailed_code_sets_a_new_password_once_and_the_old_one_stops_working()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        const string email = "jana@gross-gerau.example";
        var tenantName = await App.InTenantAsync("gross-gerau", sp => Task.FromResult(sp.GetRequiredService<ICurrentTenant>().Tenant!.DisplayName));

        using var forgot = await client.PostAsJsonAsync("api/v1/auth/forgot-password", new { email });
        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        var mail = await App.Mail.WaitForMessageToAsync(email);
        Assert.Contains("Passwort", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(tenantName, mail.Subject, StringComparison.Ordinal);
        Assert.NotEmpty(mail.Html);
        var code = AccountMail.CodeIn(mail);
        Assert.Contains(code, mail.Html, StringComparison.Ordinal);

        await AssertRefusedAsync(client, new { email, code, newPassword = "passwort123" }, "newPassword");
        await AssertRefusedAsync(client, new { email, code, newPassword = "kurz" }, "newPassword");
        await AssertRefusedAsync(client, new { email, code = code[..^4] + "AAAA", newPassword = NewPassword }, "code");
        await AssertRefusedAsync(client, new { email = "redaktion@gross-gerau.example", code, newPassword = NewPassword }, "code");
        await AssertRefusedAsync(client, new { email = "niemand@example.org", code, newPassword = NewPassword }, "code");

        using var reset = await client.PostAsJsonAsync("api/v1/auth/reset-password", new { email, code, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        using var old = await client.PostAsJsonAsync("api/v1/auth/login", new { email, password = DatabaseInitializer.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        using var fresh = await client.PostAsJsonAsync("api/v1/auth/login", new { email, password = NewPassword });
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        await AssertRefusedAsync(client, new { email, code, newPassword = "Noch ein anderer langer Satz" }, "code");
    }

    [Fact]
    public async Task Forgot_password_is_202_for_unknown_and_unconfirmed_addresses_and_mails_nothing()
    {
        using var client = App.CreateTenantClient("offenbach");
        const string unconfirmed = "neu-hier@example.org";
        using var registered = await client.PostAsJsonAsync("api/v1/auth/register",
            new { email = unconfirmed, password = "Ein langer Satz als Passwort", displayName = "N", confirmedAtLeast16 = true });
        await App.Mail.WaitForMessageToAsync(unconfirmed);

        using var unknown = await client.PostAsJsonAsync("api/v1/auth/forgot-password", new { email = "niemand@example.org" });
        using var notYet = await client.PostAsJsonAsync("api/v1/auth/forgot-password", new { email = unconfirmed });
        using var otherTenant = await client.PostAsJsonAsync("api/v1/auth/forgot-password", new { email = "jana@gross-gerau.example" });
        using var known = await client.PostAsJsonAsync("api/v1/auth/forgot-password", new { email = "jana@offenbach.example" });

        Assert.All([unknown, notYet, otherTenant, known], r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        // Mails for the others would have been queued before this one, so they would be here by now.
        await App.Mail.WaitForMessageToAsync("jana@offenbach.example");
        Assert.Empty(App.Mail.To("niemand@example.org"));
        Assert.Empty(App.Mail.To("jana@gross-gerau.example"));
        Assert.Single(App.Mail.To(unconfirmed));
    }

    [Fact]
    public async Task A_code_of_one_tenant_does_not_reset_the_same_address_at_another()
    {
        using var grossGerau = App.CreateTenantClient("gross-gerau");
        using var offenbach = App.CreatePrefixClient("offenbach");
        const string email = "ueberall@example.org";
        const string password = "Ein langer Satz als Passwort";
        foreach (var client in new[] { grossGerau, offenbach })
        {
            using var registered = await client.PostAsJsonAsync("api/v1/auth/register",
                new { email, password, displayName = "U", confirmedAtLeast16 = true });
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
            await AccountMail.ConfirmAsync(App, client, email);
            App.Mail.Clear();
        }

        using var forgot = await grossGerau.PostAsJsonAsync("api/v1/auth/forgot-password", new { email });
        var code = await AccountMail.ResetCodeAsync(App, email);

        await AssertRefusedAsync(offenbach, new { email, code, newPassword = NewPassword }, "code");
        using var unchanged = await offenbach.PostAsJsonAsync("api/v1/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
    }

    [Fact]
    public async Task A_reset_lifts_the_lockout_that_wrong_guesses_caused()
    {
        using var client = App.CreateTenantClient("offenbach");
        const string email = "jana@offenbach.example";
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.PostAsJsonAsync("api/v1/auth/login", new { email, password = "falsch-falsch-" + i });
        }

        using var forgot = await client.PostAsJsonAsync("api/v1/auth/forgot-password", new { email });
        var code = await AccountMail.ResetCodeAsync(App, email);
        using var reset = await client.PostAsJsonAsync("api/v1/auth/reset-password", new { email, code, newPassword = NewPassword });
        using var login = await client.PostAsJsonAsync("api/v1/auth/login", new { email, password = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task The_platform_admin_resets_on_the_bare_host_with_a_mail_in_the_platforms_name()
    {
        using var bare = App.CreateClientForHost("localhost");
        const string email = "admin@plattform.example";

        using var forgot = await bare.PostAsJsonAsync("api/v1/auth/forgot-password", new { email });
        var mail = await App.Mail.WaitForMessageToAsync(email);
        using var reset = await bare.PostAsJsonAsync("api/v1/auth/reset-password", new { email, code = AccountMail.CodeIn(mail), newPassword = NewPassword });

        Assert.Contains("Jobcenter-Plattform", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
    }

    private static async Task AssertRefusedAsync(HttpClient client, object body, string field)
    {
        using var response = await client.PostAsJsonAsync("api/v1/auth/reset-password", body);
        var problem = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {(int)response.StatusCode} {problem}");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}

public sealed class SqliteResetPasswordTests(SqliteApp app) : ResetPasswordTests<SqliteApp>(app);

public sealed class PostgresResetPasswordTests(PostgresApp app) : ResetPasswordTests<PostgresApp>(app);

/// <summary>The host with its mail server gone: a port on which nothing listens.</summary>
public sealed class NoMailServerApp() : PlatformApp(DatabaseProvider.Sqlite)
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        builder.UseSetting("Platform:Email:Port", closedPort.ToString(CultureInfo.InvariantCulture));
    }
}

public sealed class MailServerDownTests(NoMailServerApp app) : ApiTestBase<NoMailServerApp>(app)
{
    [Fact]
    public async Task Registration_and_the_mail_requests_still_answer_when_the_mail_server_is_down()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        const string email = "ohne-post@example.org";

        using var registered = await client.PostAsJsonAsync("api/v1/auth/register",
            new { email, password = "Ein langer Satz als Passwort", displayName = "O", confirmedAtLeast16 = true });
        using var resend = await client.PostAsJsonAsync("api/v1/auth/resend-confirmation", new { email });
        using var forgot = await client.PostAsJsonAsync("api/v1/auth/forgot-password", new { email = "jana@gross-gerau.example" });
        using var login = await client.PostAsJsonAsync("api/v1/auth/login", new { email = "jana@gross-gerau.example", password = DatabaseInitializer.DemoPassword });

        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}
