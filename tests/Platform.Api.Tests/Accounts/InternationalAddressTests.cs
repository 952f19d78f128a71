using System.Net;
using System.Net.Http.Json;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Accounts;

/// <summary>
/// An address with non-ASCII characters before the @ (RFC 6531) is accepted only where the mail server offers SMTPUTF8;
/// elsewhere registering or inviting with it is refused at once with a 400 naming the field, instead of a mail that
/// could never go out.
/// </summary>
public abstract class InternationalAddressRefusedTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task Without_SMTPUTF8_registering_and_inviting_with_such_an_address_is_refused_naming_the_field()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        using var registered = await client.PostAsJsonAsync("api/v1/auth/register", new { email = "jürgen@example.org", password = "Ein langer Satz als Passwort", displayName = "Jürgen", confirmedAtLeast16 = true });
        var admin = await SignInAsync(client, "admin@gross-gerau.example");
        using var invited = await SendAsync(client, HttpMethod.Post, "api/v1/tenant/staff/invitations", admin, new { email = "müller@example.org", role = "Editor" });
        using var plain = await SendAsync(client, HttpMethod.Post, "api/v1/tenant/staff/invitations", admin, new { email = "mueller@xn--mller-kva.example", role = "Editor" });

        foreach (var response in new[] { registered, invited })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await ReadJsonAsync(response)).GetProperty("errors").TryGetProperty("email", out var messages), await response.Content.ReadAsStringAsync());
            Assert.Contains("ASCII", messages[0].GetString(), StringComparison.Ordinal);
        }

        // Only the part before the @ needs SMTPUTF8; a domain is sent IDN-encoded.
        Assert.Equal(HttpStatusCode.Created, plain.StatusCode);
    }
}

/// <summary>With a server that offers SMTPUTF8 the same address registers, gets its mail and confirms.</summary>
public abstract class InternationalAddressDeliveredTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task With_SMTPUTF8_such_an_address_registers_and_its_confirmation_mail_arrives()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        var token = await AccountMail.RegisterConfirmedAsync(App, client, "jürgen@example.org", "Ein langer Satz als Passwort", "Jürgen", confirmedAtLeast16: true);

        Assert.False(string.IsNullOrEmpty(token));
        var mail = Assert.Single(App.Mail.To("jürgen@example.org"));
        Assert.Equal("jürgen@example.org", Assert.Single(mail.Message.To.Mailboxes).Address);
    }
}

public sealed class SqliteSmtpUtf8App : PlatformApp
{
    public SqliteSmtpUtf8App()
        : base(DatabaseProvider.Sqlite) => OfferSmtpUtf8 = true;
}

public sealed class PostgresSmtpUtf8App : PlatformApp
{
    public PostgresSmtpUtf8App()
        : base(DatabaseProvider.PostgreSql) => OfferSmtpUtf8 = true;
}

public sealed class SqliteInternationalAddressRefusedTests(SqliteApp app) : InternationalAddressRefusedTests<SqliteApp>(app);

public sealed class PostgresInternationalAddressRefusedTests(PostgresApp app) : InternationalAddressRefusedTests<PostgresApp>(app);

public sealed class SqliteInternationalAddressDeliveredTests(SqliteSmtpUtf8App app) : InternationalAddressDeliveredTests<SqliteSmtpUtf8App>(app);

public sealed class PostgresInternationalAddressDeliveredTests(PostgresSmtpUtf8App app) : InternationalAddressDeliveredTests<PostgresSmtpUtf8App>(app);
