using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Platform.TestSupport;

namespace Platform.Api.Tests.Accounts;

/// <summary>Reads the account e-mails the app sent to its SMTP sink, the way a person would use them.</summary>
public static partial class AccountMail
{
    /// <summary>The confirmation link in the <paramref name="count"/>-th mail to <paramref name="email"/>.</summary>
    public static async Task<Uri> ConfirmationLinkAsync(PlatformApp app, string email, int count = 1) =>
        LinkIn(await app.Mail.WaitForMessageToAsync(email, count));

    /// <summary>Opens the link of the confirmation mail, as a click in the mail client would.</summary>
    public static async Task ConfirmAsync(PlatformApp app, HttpClient client, string email)
    {
        using var response = await client.GetAsync(await ConfirmationLinkAsync(app, email));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"confirm {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Registers an account through the API, confirms it from the mail and signs in: returns the token.</summary>
    public static async Task<string> RegisterConfirmedAsync(
        PlatformApp app, HttpClient client, string email, string password, string displayName, bool confirmedAtLeast16)
    {
        using var registered = await client.PostAsJsonAsync("api/v1/auth/register", new { email, password, displayName, confirmedAtLeast16 });
        Assert.True(registered.StatusCode == HttpStatusCode.Accepted, $"register {email}: {(int)registered.StatusCode}");
        await ConfirmAsync(app, client, email);
        using var login = await client.PostAsJsonAsync("api/v1/auth/login", new { email, password });
        Assert.True(login.StatusCode == HttpStatusCode.OK, $"login {email}: {(int)login.StatusCode}");
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>
    /// The mail's confirmation link as the API's <c>confirm-email</c> endpoint with the same values: it answers 400
    /// for a bad link, where the page the mail opens (<see cref="PageLinkIn"/>) shows a message.
    /// </summary>
    public static Uri LinkIn(ReceivedMail mail)
    {
        var page = PageLinkIn(mail);
        var path = page.AbsolutePath[..^"email-bestaetigen".Length] + "api/v1/auth/confirm-email";
        return new UriBuilder(page) { Path = path }.Uri;
    }

    /// <summary>The link in the confirmation mail as it is: the web page <c>email-bestaetigen</c> of the tenant.</summary>
    public static Uri PageLinkIn(ReceivedMail mail) =>
        ConfirmationLink().Match(mail.Text) is { Success: true } match
            ? new Uri(match.Value)
            : throw new InvalidOperationException("No confirmation link in:\n" + mail.Text);

    public static async Task<string> ResetCodeAsync(PlatformApp app, string email, int count = 1) =>
        CodeIn(await app.Mail.WaitForMessageToAsync(email, count));

    public static string CodeIn(ReceivedMail mail) =>
        ResetCode().Match(mail.Text) is { Success: true } match
            ? match.Groups["code"].Value
            : throw new InvalidOperationException("No code in:\n" + mail.Text);

    /// <summary>The link with one query value replaced (or removed, with null).</summary>
    public static Uri WithQuery(Uri link, string name, string? value)
    {
        var query = QueryHelpers.ParseQuery(link.Query)
            .Where(p => p.Key != name)
            .Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.ToString()))
            .ToList();
        if (value is not null)
        {
            query.Add(new(name, value));
        }

        var bare = link.GetLeftPart(UriPartial.Path);
        return new Uri(QueryHelpers.AddQueryString(bare, query));
    }

    [GeneratedRegex(@"https?://\S+/email-bestaetigen\?\S+", RegexOptions.CultureInvariant)]
    private static partial Regex ConfirmationLink();

    [GeneratedRegex(@"^ {4}(?<code>[A-Za-z0-9_-]{20,})\r?$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ResetCode();
}
