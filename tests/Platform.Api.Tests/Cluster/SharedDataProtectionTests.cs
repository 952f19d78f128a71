using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Application.Reminders;
using Platform.Domain.Reminders;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Cluster;

/// <summary>
/// Two nodes on one PostgreSQL database, each with a content root of its own as on two machines: what one node signs
/// (a bearer token, a sign-in cookie, a form's antiforgery token, a mailed unsubscribe link, a web push) the other reads. Hosts of
/// their own, no shared one: each test plays its own pair of machines.
/// </summary>
public sealed partial class TwoNodeDataProtectionTests
{
    private const string Jana = "jana@gross-gerau.example";

    [Fact]
    public async Task What_one_node_signs_the_other_node_accepts()
    {
        var first = new PlatformApp(DatabaseProvider.PostgreSql) { KeepDatabase = true };
        await first.InitializeAsync();
        var second = first.SecondNode(OtherMachine());
        await second.InitializeAsync();
        try
        {
            var cookies = new CookieContainer();
            using var one = first.CreateDefaultClient(new Uri("http://gross-gerau.localhost/"), new CookieContainerHandler(cookies));
            using var two = second.CreateDefaultClient(new Uri("http://gross-gerau.localhost/"), new CookieContainerHandler(cookies));

            // A bearer token made by node 1 is read by node 2.
            var token = await ApiTestBase<PostgresApp>.SignInAsync(one, Jana);
            var me = await GetMeAsync(two, token);
            Assert.Equal(Jana, me.GetProperty("email").GetString());

            // The sign-in form rendered by node 1 is posted to node 2 (its antiforgery token and cookie came from
            // node 1); the sign-in cookie node 2 sets is read by node 1.
            var page = await one.GetStringAsync(new Uri("anmelden", UriKind.Relative));
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "anmelden",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups["token"].Value),
                ["Input.Email"] = Jana,
                ["Input.Password"] = DatabaseInitializer.DemoPassword,
            });
            using var signedIn = await two.PostAsync(new Uri("anmelden", UriKind.Relative), form);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            using (var byCookie = await one.GetAsync(new Uri("api/v1/auth/me", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, byCookie.StatusCode);
            }

            // An unsubscribe link that node 1 mails is honoured by node 2.
            var tenant = await first.Services.GetRequiredService<ITenantCatalog>().FindBySlugAsync("gross-gerau")
                ?? throw new InvalidOperationException("The demo tenant is missing.");
            var unsubscribe = first.Services.GetRequiredService<IUnsubscribeTokens>()
                .Create(tenant.Id, new UnsubscribeTarget(me.GetProperty("id").GetGuid(), NotificationChannel.Email, null, NotificationKind.Reminder));
            using var anonymous = second.CreateTenantClient("gross-gerau");
            using var unsubscribed = await anonymous.PostAsJsonAsync("api/v1/notifications/unsubscribe", new { token = unsubscribe });
            Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);

            // Both sign web pushes with the one VAPID pair the browsers subscribed to.
            var keys = new List<string>();
            foreach (var node in new[] { one, two })
            {
                using var key = await node.GetAsync(new Uri("api/v1/notifications/push-key", UriKind.Relative));
                keys.Add((await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("publicKey").GetString()!);
            }

            Assert.NotEmpty(keys[0]);
            Assert.Equal(keys[0], keys[1]);

            // One key ring, in the database, not in either machine's home folder.
            Assert.NotEmpty(await KeyXmlAsync(first));
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }
    }

    private static async Task<JsonElement> GetMeAsync(HttpClient client, string token)
    {
        using var response = await ApiTestBase<PostgresApp>.SendAsync(client, HttpMethod.Get, "api/v1/auth/me", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A content root of another machine: the platform's settings files and nothing else.</summary>
    internal static string OtherMachine()
    {
        var root = Directory.CreateTempSubdirectory("platform-node-").FullName;
        var project = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Platform.Api");
        foreach (var settings in Directory.GetFiles(project, "appsettings*.json"))
        {
            File.Copy(settings, Path.Combine(root, Path.GetFileName(settings)));
        }

        return root;
    }

    internal static async Task<IReadOnlyList<string>> KeyXmlAsync(PlatformApp app)
    {
        await using var connection = app.OpenConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Xml\" FROM \"DataProtectionKeys\"";
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

/// <summary>
/// The key ring encrypted at rest with a certificate, and the certificate rotated: a node with the new certificate and
/// the old one among <c>PreviousCertificates</c> still reads what was protected before.
/// </summary>
public sealed class DataProtectionCertificateTests
{
    private const string Password = "schluessel-test";

    [Fact]
    public async Task Keys_are_encrypted_with_the_certificate_and_a_rotated_certificate_still_reads_them()
    {
        var folder = Directory.CreateTempSubdirectory("platform-dp-cert-").FullName;
        var old = WriteCertificate(folder, "alt.pfx");
        var next = WriteCertificate(folder, "neu.pfx");
        var first = new PlatformApp(DatabaseProvider.Sqlite)
        {
            KeepDatabase = true,
            Settings = new Dictionary<string, string?>
            {
                ["Platform:DataProtection:CertificatePath"] = old,
                ["Platform:DataProtection:CertificatePassword"] = Password,
            },
        };
        await first.InitializeAsync();
        string payload;
        try
        {
            payload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("Abmelden");
            var keys = await TwoNodeDataProtectionTests.KeyXmlAsync(first);
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            });
        }
        finally
        {
            await first.DisposeAsync();
        }

        var rotated = first.SecondNode(TwoNodeDataProtectionTests.OtherMachine(), new Dictionary<string, string?>
        {
            ["Platform:DataProtection:CertificatePath"] = next,
            ["Platform:DataProtection:CertificatePassword"] = Password,
            ["Platform:DataProtection:PreviousCertificates:0:Path"] = old,
            ["Platform:DataProtection:PreviousCertificates:0:Password"] = Password,
        });
        await rotated.InitializeAsync();
        try
        {
            Assert.Equal("Abmelden", rotated.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload));
        }
        finally
        {
            await rotated.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_certificate_file_that_does_not_exist_stops_the_start_naming_the_setting()
    {
        var app = new PlatformApp(DatabaseProvider.Sqlite)
        {
            Settings = new Dictionary<string, string?> { ["Platform:DataProtection:CertificatePath"] = "/nirgends/schluessel.pfx" },
        };

        var message = await app.StartFailureAsync();

        Assert.Contains("Platform:DataProtection:CertificatePath", message, StringComparison.Ordinal);
        Assert.Contains("/nirgends/schluessel.pfx", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_without_a_certificate_does_not_start_and_says_which_setting_is_missing()
    {
        var app = new PlatformApp(DatabaseProvider.Sqlite)
        {
            Settings = new Dictionary<string, string?> { ["environment"] = "Production" },
        };

        var message = await app.StartFailureAsync();

        Assert.Contains("Platform:DataProtection:CertificatePath is required in production", message, StringComparison.Ordinal);
    }

    private static string WriteCertificate(string folder, string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Jobcenter-Plattform Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
