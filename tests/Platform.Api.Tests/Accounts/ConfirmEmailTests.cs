using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Accounts;

public abstract class ConfirmEmailTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string Password = "Ein langer Satz als Passwort";

    [Theory]
    [InlineData("gross-gerau", false)]
    [InlineData("offenbach", true)]
    public async Task Registering_mails_a_German_link_into_the_same_tenant_and_sign_in_works_once_it_is_opened(string slug, bool byPrefix)
    {
        using var client = byPrefix ? App.CreatePrefixClient(slug) : App.CreateTenantClient(slug);
        var tenantName = await App.InTenantAsync(slug, sp => Task.FromResult(sp.GetRequiredService<ICurrentTenant>().Tenant!.DisplayName));
        var email = $"neu@{slug}.example.org";

        using var registered = await client.PostAsJsonAsync("api/v1/auth/register",
            new { email, password = Password, displayName = "Mika <b>", confirmedAtLeast16 = true });
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);

        // Not yet confirmed: the answer of a wrong password (ADR-020), and with the right one a new link by mail.
        using var early = await client.PostAsJsonAsync("api/v1/auth/login", new { email, password = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, early.StatusCode);
        Assert.False((await ReadJsonAsync(early)).TryGetProperty("reason", out _));
        await App.Mail.WaitForMessageToAsync(email, count: 2);

        var mail = await App.Mail.WaitForMessageToAsync(email);
        Assert.StartsWith("Bitte bestätige deine E-Mail-Adresse", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(tenantName, mail.Subject, StringComparison.Ordinal);
        Assert.Equal(tenantName, mail.Message.From.Mailboxes.Single().Name);
        Assert.Contains("Hallo Mika <b>,", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Hallo Mika &lt;b&gt;,", mail.Html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(tenantName), mail.Html, StringComparison.Ordinal);

        // On the jobcenter's own host, also when registering by path prefix (ADR-023).
        Assert.StartsWith($"http://{slug}.localhost/email-bestaetigen?", AccountMail.PageLinkIn(mail).AbsoluteUri, StringComparison.Ordinal);
        var link = AccountMail.LinkIn(mail);
        using var confirmed = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("text/html", confirmed.Content.Headers.ContentType?.MediaType);
        Assert.Contains("bestätigt", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var login = await client.PostAsJsonAsync("api/v1/auth/login", new { email, password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task An_unconfirmed_account_with_a_wrong_password_gets_the_ordinary_answer()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        const string email = "unbestaetigt@example.org";
        using var registered = await client.PostAsJsonAsync("api/v1/auth/register",
            new { email, password = Password, displayName = "U", confirmedAtLeast16 = true });
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);

        using var wrong = await client.PostAsJsonAsync("api/v1/auth/login", new { email, password = "ein falsches Passwort" });
        using var unknown = await client.PostAsJsonAsync("api/v1/auth/login", new { email = "niemand@example.org", password = "ein falsches Passwort" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(
            (await ReadJsonAsync(unknown)).GetProperty("detail").GetString(),
            (await ReadJsonAsync(wrong)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_wrong_or_incomplete_confirmation_link_is_400_and_confirms_nothing()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        const string email = "falscher-link@example.org";
        using var registered = await client.PostAsJsonAsync("api/v1/auth/register",
            new { email, password = Password, displayName = "F", confirmedAtLeast16 = true });
        var link = await AccountMail.ConfirmationLinkAsync(App, email);
        var code = QueryHelpers.ParseQuery(link.Query)["code"].ToString();
        var tampered = code[..(code.Length / 2)] + (code[code.Length / 2] == 'A' ? 'B' : 'A') + code[(code.Length / 2 + 1)..];

        Uri[] bad =
        [
            AccountMail.WithQuery(link, "code", tampered),
            AccountMail.WithQuery(link, "code", "!!kein-base64!!"),
            AccountMail.WithQuery(link, "code", null),
            AccountMail.WithQuery(link, "userId", "keine-guid"),
            AccountMail.WithQuery(link, "userId", Guid.NewGuid().ToString()),
        ];
        foreach (var uri in bad)
        {
            using var response = await client.GetAsync(uri);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{uri}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using var stillUnconfirmed = await client.PostAsJsonAsync("api/v1/auth/login", new { email, password = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, stillUnconfirmed.StatusCode);
        using var real = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
    }

    [Fact]
    public async Task A_confirmation_link_of_one_tenant_fails_at_another_even_for_the_same_address()
    {
        using var grossGerau = App.CreateTenantClient("gross-gerau");
        using var offenbach = App.CreateTenantClient("offenbach");
        const string email = "zweimal@example.org";
        var body = new { email, password = Password, displayName = "Z", confirmedAtLeast16 = true };
        Assert.Equal(HttpStatusCode.Accepted, (await grossGerau.PostAsJsonAsync("api/v1/auth/register", body)).StatusCode);
        var link = await AccountMail.ConfirmationLinkAsync(App, email);
        Assert.Equal(HttpStatusCode.Accepted, (await offenbach.PostAsJsonAsync("api/v1/auth/register", body)).StatusCode);

        var pathAndQuery = link.PathAndQuery.TrimStart('/');
        foreach (var elsewhere in new[] { "http://offenbach.localhost/", "http://localhost/t/offenbach/", "http://localhost/" })
        {
            using var response = await grossGerau.GetAsync(new Uri(new Uri(elsewhere), pathAndQuery));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{elsewhere}: {(int)response.StatusCode}");
        }

        using var notConfirmedThere = await offenbach.PostAsJsonAsync("api/v1/auth/login", new { email, password = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, notConfirmedThere.StatusCode);
        using var home = await grossGerau.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task Resend_is_202_for_every_address_and_mails_only_unconfirmed_accounts()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        const string email = "nochmal@example.org";
        using var registered = await client.PostAsJsonAsync("api/v1/auth/register",
            new { email, password = Password, displayName = "N", confirmedAtLeast16 = true });
        await App.Mail.WaitForMessageToAsync(email);

        using var again = await client.PostAsJsonAsync("api/v1/auth/resend-confirmation", new { email });
        using var unknown = await client.PostAsJsonAsync("api/v1/auth/resend-confirmation", new { email = "niemand@example.org" });
        using var confirmed = await client.PostAsJsonAsync("api/v1/auth/resend-confirmation", new { email = "jana@gross-gerau.example" });
        using var malformed = await client.PostAsJsonAsync("api/v1/auth/resend-confirmation", new { email = "keine-adresse" });

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True((await ReadJsonAsync(malformed)).GetProperty("errors").TryGetProperty("email", out _));

        // Mails to the other two addresses would have been queued before the second link, so they would be here now.
        var second = await AccountMail.ConfirmationLinkAsync(App, email, count: 2);
        using var opened = await client.GetAsync(second);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Empty(App.Mail.To("niemand@example.org"));
        Assert.Empty(App.Mail.To("jana@gross-gerau.example"));
        Assert.NotNull(await SignInAsync(client, email, Password));
    }

    [Fact]
    public async Task Demo_accounts_are_confirmed_and_sign_in_without_a_mail()
    {
        using var client = App.CreateTenantClient("offenbach");

        Assert.NotNull(await SignInAsync(client, "jana@offenbach.example", DatabaseInitializer.DemoPassword));
        Assert.Empty(App.Mail.Received);
    }
}

public sealed class SqliteConfirmEmailTests(SqliteApp app) : ConfirmEmailTests<SqliteApp>(app);

public sealed class PostgresConfirmEmailTests(PostgresApp app) : ConfirmEmailTests<PostgresApp>(app);
