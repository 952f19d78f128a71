using System.Net;
using System.Net.Http.Json;
using Platform.Application.Resources;
using Platform.TestSupport;
using Platform.Web;

namespace Platform.Api.Tests.Accounts;

/// <summary>
/// The account e-mails come in the account's language (issue 14): the one it was registered in, then the one its
/// owner last signed in with; a mail that someone else asks for (a password reset) keeps to it.
/// </summary>
public abstract class MailLanguageTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string Password = "Ein langer Satz als Passwort";

    [Fact]
    public void The_mails_are_written_in_every_language_of_the_user_interface()
    {
        Assert.Equal(UiCultures.Languages.Select(l => l.Code), EmailText.Languages);
    }

    [Fact]
    public async Task Registering_in_arabic_mails_the_confirmation_in_arabic_right_to_left_and_its_link_confirms()
    {
        using var client = App.CreatePrefixClient("gross-gerau");
        const string email = "samira@example.org";

        using var registered = await client.PostAsJsonAsync("api/v1/auth/register?culture=ar",
            new { email, password = Password, displayName = "Samira", confirmedAtLeast16 = true });
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);

        var mail = await App.Mail.WaitForMessageToAsync(email);
        Assert.StartsWith("يرجى تأكيد عنوان بريدك الإلكتروني – ", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", mail.Html, StringComparison.Ordinal);
        Assert.Contains("مرحبًا Samira،", mail.Text, StringComparison.Ordinal);
        Assert.Contains("تأكيد عنوان البريد الإلكتروني", mail.Html, StringComparison.Ordinal);
        Assert.Contains("الرابط صالح لمدة 24 ساعة", mail.Text, StringComparison.Ordinal);
        Assert.Contains("الهاتف: 06152 000-100", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hallo", mail.Text, StringComparison.Ordinal);

        await AccountMail.ConfirmAsync(App, client, email);
        using var login = await client.PostAsJsonAsync("api/v1/auth/login", new { email, password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await ReadJsonAsync(login)).GetProperty("accessToken").GetString()!;
        var data = await GetJsonAsync(client, token, "api/v1/me/data");
        Assert.Equal("ar", data.GetProperty("account").GetProperty("language").GetString());
    }

    [Fact]
    public async Task The_language_follows_the_owners_sign_in_and_a_reset_someone_else_asks_for_keeps_to_it()
    {
        using var client = App.CreateTenantClient("offenbach");
        const string email = "oleh@example.org";
        using (var registered = await client.PostAsJsonAsync("api/v1/auth/register?culture=uk",
            new { email, password = Password, displayName = "Oleh", confirmedAtLeast16 = true }))
        {
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        }

        Assert.StartsWith("Підтверди свою адресу", (await App.Mail.WaitForMessageToAsync(email)).Subject, StringComparison.Ordinal);
        await AccountMail.ConfirmAsync(App, client, email);

        // Signing in with Turkish chosen makes the mails Turkish; an app that chooses no language changes nothing.
        using (var turkish = await client.PostAsJsonAsync("api/v1/auth/login?culture=tr", new { email, password = Password }))
        {
            Assert.Equal(HttpStatusCode.OK, turkish.StatusCode);
        }

        using (var plain = await client.PostAsJsonAsync("api/v1/auth/login", new { email, password = Password }))
        {
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        }

        // Someone on a Russian page asks for a reset of Oleh's password: the mail is in Oleh's language.
        using (var forgot = await client.PostAsJsonAsync("api/v1/auth/forgot-password?culture=ru", new { email }))
        {
            Assert.True(forgot.IsSuccessStatusCode, $"forgot-password: {(int)forgot.StatusCode}");
        }

        var reset = await App.Mail.WaitForMessageToAsync(email, count: 2);
        Assert.StartsWith("Yeni şifre için kodun – ", reset.Subject, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"tr\" dir=\"ltr\">", reset.Html, StringComparison.Ordinal);
        Assert.Contains("Merhaba Oleh,", reset.Text, StringComparison.Ordinal);

        // The code in the Turkish mail sets the new password.
        using var changed = await client.PostAsJsonAsync("api/v1/auth/reset-password",
            new { email, code = AccountMail.CodeIn(reset), newPassword = "Ein anderer langer Satz als Passwort" });
        Assert.True(changed.IsSuccessStatusCode, $"reset-password: {(int)changed.StatusCode}");
    }

    [Fact]
    public async Task Switching_the_language_while_signed_in_moves_the_account_to_it_and_signed_out_changes_no_account()
    {
        using var client = App.CreateTenantClient("offenbach");
        const string email = "farid@example.org";
        var token = await AccountMail.RegisterConfirmedAsync(App, client, email, Password, "Farid", confirmedAtLeast16: true);
        using var browser = App.CreateTenantClient("offenbach");
        using (var login = await browser.PostAsJsonAsync("api/v1/auth/login?useCookies=true", new { email, password = Password }))
        {
            Assert.True(login.IsSuccessStatusCode, $"login: {(int)login.StatusCode}");
        }

        using (var switched = await browser.GetAsync(new Uri("sprache?culture=fa&zurueck=/meine-daten", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Found, switched.StatusCode);
            Assert.Equal("/meine-daten", switched.Headers.Location?.OriginalString);
        }

        Assert.Equal("fa", (await GetJsonAsync(client, token, "api/v1/me/data")).GetProperty("account").GetProperty("language").GetString());

        // Someone without an account switches too: nobody's account changes.
        using var anonymous = App.CreateTenantClient("offenbach");
        using (var other = await anonymous.GetAsync(new Uri("sprache?culture=ru", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Found, other.StatusCode);
        }

        Assert.Equal("fa", (await GetJsonAsync(client, token, "api/v1/me/data")).GetProperty("account").GetProperty("language").GetString());
        using (var forgot = await client.PostAsJsonAsync("api/v1/auth/forgot-password", new { email }))
        {
            Assert.True(forgot.IsSuccessStatusCode, $"forgot-password: {(int)forgot.StatusCode}");
        }

        Assert.Contains("<html lang=\"fa\" dir=\"rtl\">", (await App.Mail.WaitForMessageToAsync(email, count: 2)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switching_the_language_on_another_jobcenters_pages_changes_no_account_of_either()
    {
        // One host, two jobcenters by path: the session of Groß-Gerau travels along to Offenbach's pages.
        using var client = App.CreatePrefixClient("gross-gerau");
        const string email = "amina@example.org";
        var token = await AccountMail.RegisterConfirmedAsync(App, client, email, Password, "Amina", confirmedAtLeast16: true);
        using (var login = await client.PostAsJsonAsync("api/v1/auth/login?useCookies=true", new { email, password = Password }))
        {
            Assert.True(login.IsSuccessStatusCode, $"login: {(int)login.StatusCode}");
        }

        using (var elsewhere = await client.GetAsync(new Uri("/t/offenbach/sprache?culture=ar", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Found, elsewhere.StatusCode);
        }

        Assert.Equal("de", (await GetJsonAsync(client, token, "api/v1/me/data")).GetProperty("account").GetProperty("language").GetString());

        using (var own = await client.GetAsync(new Uri("sprache?culture=ar", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Found, own.StatusCode);
        }

        Assert.Equal("ar", (await GetJsonAsync(client, token, "api/v1/me/data")).GetProperty("account").GetProperty("language").GetString());
    }

    [Fact]
    public async Task Without_a_chosen_language_the_mails_stay_german()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        const string email = "ohne-sprache@example.org";

        using var registered = await client.PostAsJsonAsync("api/v1/auth/register",
            new { email, password = Password, displayName = "Kim", confirmedAtLeast16 = true });

        var mail = await App.Mail.WaitForMessageToAsync(email);
        Assert.StartsWith("Bitte bestätige deine E-Mail-Adresse – ", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de\" dir=\"ltr\">", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Der Link gilt 24 Stunden.", mail.Text, StringComparison.Ordinal);
    }
}

public sealed class SqliteMailLanguageTests(SqliteApp app) : MailLanguageTests<SqliteApp>(app);

public sealed class PostgresMailLanguageTests(PostgresApp app) : MailLanguageTests<PostgresApp>(app);
