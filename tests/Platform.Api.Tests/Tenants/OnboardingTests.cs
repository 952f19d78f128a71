using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Posts;
using Platform.Application.Common;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Tenants;

/// <summary>A jobcenter joins: PlatformAdmin onboards it, its TenantAdmin accepts the invitation and sets it up.</summary>
public abstract class OnboardingTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string Password = "Ein langer Satz als Passwort";

    [Fact]
    public async Task A_platform_admin_signed_in_with_the_password_alone_cannot_use_the_platform_api()
    {
        using var bare = App.CreateClientForHost("localhost");
        var passwordOnly = await SignInAsync(bare, "admin@plattform.example");

        using var list = await SendAsync(bare, HttpMethod.Get, "api/v1/platform/tenants", passwordOnly);
        using var create = await SendAsync(bare, HttpMethod.Post, "api/v1/platform/tenants", passwordOnly,
            new { slug = "kreis-offenbach", displayName = "Pro Arbeit Kreis Offenbach", hostnames = Array.Empty<string>(), adminEmail = "leitung@kreis-offenbach.example" });

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task A_new_jobcenter_is_onboarded_invited_set_up_and_activated()
    {
        using var bare = App.CreateClientForHost("localhost");
        var platformToken = await SignInWithSecondFactorAsync(App, bare, null, "admin@plattform.example");

        using var created = await SendAsync(bare, HttpMethod.Post, "api/v1/platform/tenants", platformToken,
            new { slug = "kreis-offenbach", displayName = "Pro Arbeit Kreis Offenbach", hostnames = new[] { "jobs.kreis-offenbach.example" }, adminEmail = "leitung@kreis-offenbach.example" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var onboarded = await ReadJsonAsync(created);
        Assert.True(onboarded.GetProperty("invitationMailed").GetBoolean());
        var mail = await App.Mail.WaitForMessageToAsync("leitung@kreis-offenbach.example");
        Assert.Contains("Pro Arbeit Kreis Offenbach", mail.Message.Subject, StringComparison.Ordinal);
        var invitationUrl = new Uri(System.Text.RegularExpressions.Regex.Match(mail.Message.TextBody ?? "", @"https?://\S+einladung\?token=[0-9a-f]+").Value);
        Assert.Equal(onboarded.GetProperty("invitationUrl").GetString(), invitationUrl.ToString());
        var token = HttpUtility.ParseQueryString(invitationUrl.Query)["token"]!;
        // On the jobcenter's own host name (ADR-023), not on whatever host the PlatformAdmin's request came to.
        Assert.Equal("jobs.kreis-offenbach.example", invitationUrl.Host);
        Assert.Equal("/einladung", invitationUrl.AbsolutePath);

        using var tenant = App.CreateTenantClient("kreis-offenbach");
        using var byHostname = App.CreateClientForHost("jobs.kreis-offenbach.example");
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.GetAsync(new Uri("api/v1/posts", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await byHostname.GetAsync(new Uri("api/v1/posts", UriKind.Relative))).StatusCode);

        // The invitation belongs to the new jobcenter: elsewhere it is unknown.
        using var wrongPlace = await App.CreateTenantClient("offenbach").PostAsJsonAsync("api/v1/auth/accept-invitation", new { token, password = Password, displayName = "Leitung" });
        Assert.Equal(HttpStatusCode.NotFound, wrongPlace.StatusCode);
        using var accepted = await tenant.PostAsJsonAsync("api/v1/auth/accept-invitation", new { token, password = Password, displayName = "Leitung" });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        using var again = await tenant.PostAsJsonAsync("api/v1/auth/accept-invitation", new { token, password = Password, displayName = "Leitung" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var adminToken = await SignInAsync(tenant, "leitung@kreis-offenbach.example", Password);
        using var staffView = await SendAsync(tenant, HttpMethod.Get, "api/v1/posts", adminToken);
        Assert.Equal(HttpStatusCode.OK, staffView.StatusCode);
        using var branding = await SendAsync(tenant, HttpMethod.Put, "api/v1/tenant/branding", adminToken,
            new { displayName = "Pro Arbeit – Kreis Offenbach", primaryColor = "#1b5e20", accentColor = "#6a1b9a", logoText = "PA" });
        Assert.Equal(HttpStatusCode.NoContent, branding.StatusCode);
        using var contact = await SendAsync(tenant, HttpMethod.Put, "api/v1/tenant/contact", adminToken,
            new { phone = "06074 000-0", email = "u25@kreis-offenbach.example", postcodes = new[] { "63128", "63303" }, imprintUrl = "https://kreis-offenbach.example/impressum" });
        Assert.Equal(HttpStatusCode.NoContent, contact.StatusCode);

        var tenantId = onboarded.GetProperty("tenantId").GetGuid();

        // Not live without a Datenschutzerklärung: refused with the reason; the Impressum is there (its own page).
        using var tooEarly = await SendAsync(bare, HttpMethod.Put, $"api/v1/platform/tenants/{tenantId}/status", platformToken, new { status = "Active" });
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        var reason = (await ReadJsonAsync(tooEarly)).GetProperty("detail").GetString()!;
        Assert.Contains("Datenschutzerklärung", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Impressum", reason.Split('(')[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.GetAsync(new Uri("api/v1/posts", UriKind.Relative))).StatusCode);
        using var legal = await SendAsync(tenant, HttpMethod.Put, "api/v1/tenant/legal", adminToken, new
        {
            imprintUrl = "https://kreis-offenbach.example/impressum",
            privacyText = "Verantwortlich ist Pro Arbeit – Kreis Offenbach.",
            conformance = "Partial",
        });
        Assert.Equal(HttpStatusCode.NoContent, legal.StatusCode);

        using var activated = await SendAsync(bare, HttpMethod.Put, $"api/v1/platform/tenants/{tenantId}/status", platformToken, new { status = "Active" });
        Assert.Equal(HttpStatusCode.NoContent, activated.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await tenant.GetAsync(new Uri("api/v1/posts", UriKind.Relative))).StatusCode);
        var css = await tenant.GetStringAsync(new Uri("branding.css", UriKind.Relative));
        Assert.Contains("--brand-primary:#1b5e20", css, StringComparison.Ordinal);
        var found = await GetJsonAsync(bare, "api/v1/tenants?search=63303");
        Assert.Equal(["kreis-offenbach"], found.EnumerateArray().Select(t => t.GetProperty("slug").GetString()));
        var audit = await GetJsonAsync(tenant, adminToken, "api/v1/tenant/audit");
        var actions = audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("tenant.created", actions);
        Assert.Contains("staff.joined", actions);
        Assert.Contains("branding.changed", actions);
        Assert.Contains("contact.changed", actions);
        Assert.Contains("legal.changed", actions);
        Assert.Contains("tenant.status", actions);
    }

    [Fact]
    public async Task Only_platform_admins_onboard_jobcenters()
    {
        using var bare = App.CreateClientForHost("localhost");
        using var tenant = App.CreateTenantClient("gross-gerau");
        var tenantAdmin = await SignInAsync(tenant, "admin@gross-gerau.example");
        var body = new { slug = "neu-jc", displayName = "Neu", adminEmail = "a@example.org" };

        Assert.Equal(HttpStatusCode.Unauthorized, (await bare.PostAsJsonAsync("api/v1/platform/tenants", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(bare, HttpMethod.Post, "api/v1/platform/tenants", tenantAdmin, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(tenant, HttpMethod.Post, "api/v1/platform/tenants", tenantAdmin, body)).StatusCode);
    }

    [Fact]
    public async Task Two_onboardings_with_the_same_slug_at_once_create_one_jobcenter_and_refuse_the_other_with_a_400()
    {
        using var bare = App.CreateClientForHost("localhost");
        var token = await SignInWithSecondFactorAsync(App, bare, null, "admin@plattform.example");
        var attempts = Enumerable.Range(0, 4).Select(i => SendAsync(bare, HttpMethod.Post, "api/v1/platform/tenants", token,
            new { slug = "gleichzeitig", displayName = $"Gleichzeitig {i}", adminEmail = $"leitung{i}@gleichzeitig.example" }));
        var responses = await Task.WhenAll(attempts);
        try
        {
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            {
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                var problem = await ReadJsonAsync(refused);
                Assert.True(problem.GetProperty("errors").TryGetProperty("slug", out _), problem.ToString());
            }
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Theory]
    [InlineData("ab", "slug")]
    [InlineData("www", "slug")]
    [InlineData("Gross_Gerau", "slug")]
    [InlineData("gross-gerau", "slug")]
    [InlineData("neu-jc", "adminEmail")]
    public async Task Bad_onboarding_input_is_400_naming_the_field(string slug, string field)
    {
        using var bare = App.CreateClientForHost("localhost");
        var token = await SignInWithSecondFactorAsync(App, bare, null, "admin@plattform.example");

        using var response = await SendAsync(bare, HttpMethod.Post, "api/v1/platform/tenants", token,
            new { slug, displayName = "Neu", adminEmail = field == "adminEmail" ? "keine-adresse" : "a@example.org" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ReadJsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task An_expired_invitation_is_refused_with_a_clear_message()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var admin = await SignInAsync(client, "admin@gross-gerau.example");
        using var invited = await SendAsync(client, HttpMethod.Post, "api/v1/tenant/staff/invitations", admin, new { email = "spaet@example.org", role = "Editor" });
        var invitation = await ReadJsonAsync(invited);
        var token = HttpUtility.ParseQueryString(new Uri(invitation.GetProperty("invitationUrl").GetString()!).Query)["token"]!;
        await App.InTenantAsync("gross-gerau", async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var row = await db.Invitations.SingleAsync(i => i.Id == invitation.GetProperty("id").GetGuid());
            db.Entry(row).Property(i => i.ExpiresAt).CurrentValue = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        });

        using var response = await client.PostAsJsonAsync("api/v1/auth/accept-invitation", new { token, password = Password, displayName = "Spät" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("abgelaufen", (await ReadJsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var login = await client.PostAsJsonAsync("api/v1/auth/login", new { email = "spaet@example.org", password = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task Staff_are_invited_given_another_role_and_removed_but_the_last_admin_stays()
    {
        using var client = App.CreateTenantClient("offenbach");
        var admin = await SignInAsync(client, "admin@offenbach.example");
        using var invited = await SendAsync(client, HttpMethod.Post, "api/v1/tenant/staff/invitations", admin, new { email = "neu@offenbach.example", role = "Editor" });
        var token = HttpUtility.ParseQueryString(new Uri((await ReadJsonAsync(invited)).GetProperty("invitationUrl").GetString()!).Query)["token"]!;
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("api/v1/auth/accept-invitation", new { token, password = Password, displayName = "Neu" })).StatusCode);

        var staff = await GetJsonAsync(client, admin, "api/v1/tenant/staff");
        var newcomer = staff.EnumerateArray().Single(s => s.GetProperty("email").GetString() == "neu@offenbach.example");
        Assert.Equal(["Editor"], newcomer.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var id = newcomer.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(client, HttpMethod.Put, $"api/v1/tenant/staff/{id}/role", admin, new { role = "Reviewer" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(client, HttpMethod.Put, $"api/v1/tenant/staff/{id}/role", admin, new { role = "PlatformAdmin" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(client, HttpMethod.Delete, $"api/v1/tenant/staff/{id}", admin)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("api/v1/auth/login", new { email = "neu@offenbach.example", password = Password })).StatusCode);

        var adminId = (await GetJsonAsync(client, admin, "api/v1/tenant/staff")).EnumerateArray()
            .Single(s => s.GetProperty("email").GetString() == "admin@offenbach.example").GetProperty("id").GetGuid();
        using var lastAdmin = await SendAsync(client, HttpMethod.Delete, $"api/v1/tenant/staff/{adminId}", admin);
        Assert.Equal(HttpStatusCode.Conflict, lastAdmin.StatusCode);
    }

    [Fact]
    public async Task Colours_with_too_little_contrast_are_refused_naming_the_field()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var admin = await SignInAsync(client, "admin@gross-gerau.example");

        using var response = await SendAsync(client, HttpMethod.Put, "api/v1/tenant/branding", admin,
            new { displayName = "X", primaryColor = "#ff7f50", accentColor = "#zzzzzz" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadJsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("primaryColor", out var primary));
        Assert.Contains("4,5:1", primary[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("accentColor", out _));
        Assert.Contains("--brand-primary:#00527a", await client.GetStringAsync(new Uri("branding.css", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_logo_must_really_be_a_png_or_jpeg()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var admin = await SignInAsync(client, "admin@gross-gerau.example");

        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(client, admin, "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray())).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(client, admin, "logo.png", "GIF89a not a png at all"u8.ToArray())).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(client, admin, "logo.png", [.. TinyPng.Take(30)])).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(client, admin, "big.png", new byte[600 * 1024])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("logo", UriKind.Relative))).StatusCode);

        using var ok = await UploadAsync(client, admin, "whatever.bin", TinyPng);
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        using var logo = await client.GetAsync(new Uri("logo", UriKind.Relative));
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        CraftedImages.AssertSamePixels(TinyPng, await logo.Content.ReadAsByteArrayAsync());
        Assert.Contains("src=\"logo?v=", await client.GetStringAsync(new Uri("", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateTenantClient("offenbach").GetAsync(new Uri("logo", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Editors_may_not_administer_their_jobcenter()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var editor = await SignInAsync(client, "redaktion@gross-gerau.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(client, HttpMethod.Get, "api/v1/tenant/audit", editor)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(client, HttpMethod.Post, "api/v1/tenant/staff/invitations", editor, new { email = "x@example.org", role = "TenantAdmin" })).StatusCode);
    }

    [Fact]
    public async Task A_suspended_jobcenter_shows_maintenance_to_young_people_but_not_to_its_staff()
    {
        using var bare = App.CreateClientForHost("localhost");
        var platformToken = await SignInWithSecondFactorAsync(App, bare, null, "admin@plattform.example");
        var offenbachId = await App.InTenantAsync("offenbach", sp => Task.FromResult(sp.GetRequiredService<ICurrentTenant>().RequiredId));
        using var client = App.CreateTenantClient("offenbach");
        var editor = await SignInAsync(client, "redaktion@offenbach.example");

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(bare, HttpMethod.Put, $"api/v1/platform/tenants/{offenbachId}/status", platformToken, new { status = "Suspended" })).StatusCode);

        using var page = await client.GetAsync(new Uri("", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("Wartung", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("api/v1/posts", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Get, "api/v1/posts", editor)).StatusCode);
        Assert.DoesNotContain("offenbach", (await GetJsonAsync(bare, "api/v1/tenants")).EnumerateArray().Select(t => t.GetProperty("slug").GetString()));
    }

    [Fact]
    public async Task The_sign_in_page_of_a_jobcenter_in_onboarding_gets_every_file_it_loads()
    {
        using var bare = App.CreateClientForHost("localhost");
        var platformToken = await SignInWithSecondFactorAsync(App, bare, null, "admin@plattform.example");
        using var created = await SendAsync(bare, HttpMethod.Post, "api/v1/platform/tenants", platformToken,
            new { slug = "kreis-offenbach", displayName = "Pro Arbeit Kreis Offenbach", hostnames = Array.Empty<string>(), adminEmail = "leitung@kreis-offenbach.example" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var tenant = App.CreateTenantClient("kreis-offenbach");

        var signIn = await tenant.GetStringAsync(new Uri("anmelden", UriKind.Relative));
        var files = Regex.Matches(signIn, "<(?:link|script)[^>]*(?:href|src)=\"([^\"#]+)\"")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(url => !url.StartsWith("data:", StringComparison.Ordinal))
            .Append("sw.js")
            .ToList();
        using var manifest = await tenant.GetAsync(new Uri("manifest.webmanifest", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        files.AddRange((await ReadJsonAsync(manifest)).GetProperty("icons").EnumerateArray().Select(i => i.GetProperty("src").GetString()!));

        Assert.Contains("js/offline.js", files);
        foreach (var file in files)
        {
            using var response = await tenant.GetAsync(new Uri(file.TrimStart('/'), UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {(int)response.StatusCode}");
        }

        // Everything else stays closed until the jobcenter goes live.
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.GetAsync(new Uri("", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.GetAsync(new Uri("api/v1/posts", UriKind.Relative))).StatusCode);
    }

    internal static readonly byte[] TinyPng = Convert.FromHexString(
        "89504E470D0A1A0A0000000D4948445200000001000000010806000000" + "1F15C4890000000B4944415478DA636000020000050001E9FADCD8" + "0000000049454E44AE426082");

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string token, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "logo", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Put, "api/v1/tenant/logo") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}

public sealed class SqliteOnboardingTests(SqliteApp app) : OnboardingTests<SqliteApp>(app);

public sealed class PostgresOnboardingTests(PostgresApp app) : OnboardingTests<PostgresApp>(app);
