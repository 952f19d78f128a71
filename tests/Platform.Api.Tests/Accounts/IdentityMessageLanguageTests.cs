using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Web;
using Microsoft.AspNetCore.Identity;
using Platform.Infrastructure.Identity;
using Platform.TestSupport;
using Platform.Web;

namespace Platform.Api.Tests.Accounts;

/// <summary>
/// Identity's messages (password rules, taken address) come in the request's UI language like every other form message
/// (issue 14): <see cref="LocalizedIdentityErrors"/> replaces each of Identity's English texts.
/// </summary>
public sealed class LocalizedIdentityErrorsTests
{
    private static readonly MethodInfo[] DescriberMethods = typeof(IdentityErrorDescriber)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(m => m.IsVirtual && !m.IsFinal)
        .OrderBy(m => m.Name, StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void Every_text_of_identitys_describer_is_replaced()
    {
        Assert.NotEmpty(DescriberMethods);
        var missing = DescriberMethods
            .Where(m => typeof(LocalizedIdentityErrors).GetMethod(m.Name, [.. m.GetParameters().Select(p => p.ParameterType)])?.DeclaringType
                != typeof(LocalizedIdentityErrors))
            .Select(m => m.Name);
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_text_has_identitys_code_and_is_written_in_each_language()
    {
        var english = Describe(new IdentityErrorDescriber(), "de");
        var german = Describe(new LocalizedIdentityErrors(), "de");
        Assert.Equal(english.Keys, german.Keys);
        foreach (var (name, error) in german)
        {
            Assert.Equal(english[name].Code, error.Code);
            Assert.NotEqual(english[name].Description, error.Description);
        }

        foreach (var culture in UiCultures.Languages.Select(l => l.Code))
        {
            var texts = Describe(new LocalizedIdentityErrors(), culture);
            Assert.Empty(texts.Where(t => string.IsNullOrWhiteSpace(t.Value.Description)
                || t.Value.Description.StartsWith("Identity.", StringComparison.Ordinal)
                || t.Value.Description.Contains('{', StringComparison.Ordinal)).Select(t => $"{culture} {t.Key}"));
            if (culture != UiCultures.Default)
            {
                Assert.Empty(texts.Where(t => t.Value.Description == german[t.Key].Description).Select(t => $"{culture} {t.Key}: {t.Value.Description}"));
            }

            Assert.Contains("8", texts[nameof(IdentityErrorDescriber.PasswordTooShort)].Description, StringComparison.Ordinal);
        }
    }

    /// <summary>Every describer method's error, called with <paramref name="culture"/> as the UI culture (8 for numbers, "Editor" for names).</summary>
    private static Dictionary<string, IdentityError> Describe(IdentityErrorDescriber describer, string culture)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return DescriberMethods.ToDictionary(
                m => m.Name,
                m => (IdentityError)m.Invoke(describer, [.. m.GetParameters().Select(p => p.ParameterType == typeof(int) ? 8 : (object)"Editor")])!,
                StringComparer.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}

/// <summary>What a person sees when Identity or a form rule refuses their input, in the language they chose.</summary>
public abstract class IdentityMessageLanguageTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string Password = "Ein langer Satz als Passwort";

    [Fact]
    public async Task Registering_in_arabic_with_a_too_short_password_is_a_400_saying_so_in_arabic()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.PostAsJsonAsync("api/v1/auth/register?culture=ar",
            new { email = "samira@example.org", password = "kurz", displayName = "Samira", confirmedAtLeast16 = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var messages = (await ReadJsonAsync(response)).GetProperty("errors").GetProperty("password").EnumerateArray().Select(m => m.GetString());
        Assert.Equal(["تحتاج كلمة المرور إلى 8 أحرف على الأقل."], messages);
    }

    [Fact]
    public async Task Identitys_own_password_rule_answers_in_arabic_and_a_taken_address_in_ukrainian()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var admin = await SignInAsync(client, "admin@gross-gerau.example");
        using var invited = await SendAsync(client, HttpMethod.Post, "api/v1/tenant/staff/invitations", admin, new { email = "jana@gross-gerau.example", role = "Editor" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var token = HttpUtility.ParseQueryString(new Uri((await ReadJsonAsync(invited)).GetProperty("invitationUrl").GetString()!).Query)["token"]!;

        // Accepting checks only that a password is given: its length is Identity's rule, told by LocalizedIdentityErrors.
        using var tooShort = await client.PostAsJsonAsync("api/v1/auth/accept-invitation?culture=ar", new { token, password = "kurz", displayName = "Jana" });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal("application/problem+json", tooShort.Content.Headers.ContentType?.MediaType);
        var errors = (await ReadJsonAsync(tooShort)).GetProperty("errors");
        Assert.Equal(["يجب أن تتكون كلمة المرور من 8 أحرف على الأقل."], errors.GetProperty("password").EnumerateArray().Select(m => m.GetString()));

        // Jana has an account already; with the language chosen by the switcher's cookie the answer names email in Ukrainian.
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/auth/accept-invitation")
        {
            Content = JsonContent.Create(new { token, password = Password, displayName = "Jana" }),
        };
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Duk%7Cuic%3Duk");
        using var taken = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Equal("application/problem+json", taken.Content.Headers.ContentType?.MediaType);
        var takenErrors = (await ReadJsonAsync(taken)).GetProperty("errors");
        Assert.Equal(["Для цієї адреси ел. пошти вже є акаунт."], takenErrors.GetProperty("email").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task A_contact_form_rule_answers_in_turkish()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.PostAsJsonAsync("api/v1/contact?culture=tr",
            new { type = "callback", phone = "abc", message = "Lütfen beni arayın.", consent = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var messages = (await ReadJsonAsync(response)).GetProperty("errors").GetProperty("phone").EnumerateArray().Select(m => m.GetString());
        Assert.Contains("Telefon numarasında geçersiz karakterler var.", messages);
    }

    [Fact]
    public async Task Without_a_chosen_language_the_messages_stay_german()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.PostAsJsonAsync("api/v1/auth/register",
            new { email = "mika@example.org", password = "kurz", displayName = "Mika", confirmedAtLeast16 = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = (await ReadJsonAsync(response)).GetProperty("errors").GetProperty("password").EnumerateArray().Select(m => m.GetString());
        Assert.Equal(["Das Passwort braucht mindestens 8 Zeichen."], messages);
    }
}

public sealed class SqliteIdentityMessageLanguageTests(SqliteApp app) : IdentityMessageLanguageTests<SqliteApp>(app);

public sealed class PostgresIdentityMessageLanguageTests(PostgresApp app) : IdentityMessageLanguageTests<PostgresApp>(app);
