using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Platform.Infrastructure.Identity;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Accounts;

/// <summary>
/// Deleting an account takes an explicit confirmation in the request (the password, or for an account without one the
/// typed "KONTO LÖSCHEN"), and no other call reaches it: <c>DELETE /api/v1/me</c> is gone.
/// </summary>
public abstract class DeleteMyAccountTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string Jana = "jana@gross-gerau.example";

    [Fact]
    public async Task Deleting_the_account_needs_its_password_and_a_missing_or_wrong_one_is_a_400_naming_the_field()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, Jana);

        foreach (var body in new object?[] { null, new { }, new { password = "" }, new { password = "falsch, ganz falsch" }, new { confirm = "KONTO LÖSCHEN" } })
        {
            using var refused = await SendAsync(client, HttpMethod.Post, "api/v1/me/deletion", token, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.True((await ReadJsonAsync(refused)).GetProperty("errors").TryGetProperty("password", out _), JsonSerializer.Serialize(body));
        }

        using (var stillThere = await SendAsync(client, HttpMethod.Get, "api/v1/auth/me", token))
        {
            Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        }

        using var deleted = await SendAsync(client, HttpMethod.Post, "api/v1/me/deletion", token, new { password = DatabaseInitializer.DemoPassword });
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var login = await client.PostAsJsonAsync("api/v1/auth/login", new { email = Jana, password = DatabaseInitializer.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task An_account_without_a_password_confirms_the_deletion_with_the_typed_phrase()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, Jana);
        await App.InTenantAsync("gross-gerau", async sp =>
        {
            // As for an account that signs in with passkeys only; set in the store, so the security stamp and with it
            // this session stay as they are.
            var users = sp.GetRequiredService<UserManager<PlatformUser>>();
            var user = await users.FindByEmailAsync(Jana);
            await ((IUserPasswordStore<PlatformUser>)sp.GetRequiredService<IUserStore<PlatformUser>>()).SetPasswordHashAsync(user!, null, CancellationToken.None);
            Assert.True((await users.UpdateAsync(user!)).Succeeded);
        });

        // The words of another language than the page's do not count.
        foreach (var body in new object[] { new { }, new { confirm = "konto löschen" }, new { confirm = "HESABI SİL" }, new { password = DatabaseInitializer.DemoPassword } })
        {
            using var refused = await SendAsync(client, HttpMethod.Post, "api/v1/me/deletion", token, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await ReadJsonAsync(refused)).GetProperty("errors").TryGetProperty("confirm", out _), JsonSerializer.Serialize(body));
        }

        // On a Turkish page the person is asked for the Turkish words, and typing them deletes the account.
        using (var turkish = await SendAsync(client, HttpMethod.Post, "api/v1/me/deletion?culture=tr", token, new { confirm = "KONTO" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, turkish.StatusCode);
            var message = (await ReadJsonAsync(turkish)).GetProperty("errors").GetProperty("confirm")[0].GetString();
            Assert.Contains("HESABI SİL", message, StringComparison.Ordinal);
        }

        using var deleted = await SendAsync(client, HttpMethod.Post, "api/v1/me/deletion?culture=tr", token, new { confirm = "HESABI SİL" });
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task Delete_on_me_deletes_nothing()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, Jana);

        using var delete = await SendAsync(client, HttpMethod.Delete, "api/v1/me", token);

        Assert.True(delete.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{(int)delete.StatusCode}");
        using var me = await SendAsync(client, HttpMethod.Get, "api/v1/auth/me", token);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }
}

public sealed class SqliteDeleteMyAccountTests(ManySignInsSqliteApp app) : DeleteMyAccountTests<ManySignInsSqliteApp>(app);

public sealed class PostgresDeleteMyAccountTests(ManySignInsPostgresApp app) : DeleteMyAccountTests<ManySignInsPostgresApp>(app);
