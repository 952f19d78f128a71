using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Web;

/// <summary>
/// The languages of the user interface (ADR-016). German for everyone unless the person chose another language with the
/// switcher (culture cookie) or a link asks for one (<c>?culture=en</c>, <c>?ui-culture=en</c>). The browser's
/// Accept-Language is deliberately not used: German is the default for everyone.
/// </summary>
public static class UiCultures
{
    public const string Default = PlatformLanguages.Default;

    /// <summary>Each language with its name in its own language, as the switcher shows it, in the order of issue 14.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Languages =
        [.. PlatformLanguages.Codes.Select(code => (code, LanguageNames.Name(code)))];

    public static RequestLocalizationOptions RequestLocalizationOptions()
    {
        CultureInfo[] cultures = [.. Languages.Select(l => CultureInfo.GetCultureInfo(l.Code))];
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Default),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
        options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        return options;
    }

    /// <summary>
    /// <c>GET /sprache?culture=en&amp;zurueck=/veranstaltungen</c>: remembers the chosen language in the culture cookie (an
    /// essential preference the person asked for) and returns to the page they came from, inside the tenant.
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sprache", SwitchLanguage).ExcludeFromDescription();
        return endpoints;
    }

    /// <remarks>
    /// A signed-in person's account follows the switch too, so that their e-mails and messages come in the language they
    /// now read in (not only after their next sign-in).
    /// </remarks>
    private static async Task<IResult> SwitchLanguage(HttpContext context, ICurrentUser user, IAccountService accounts, string? culture, string? zurueck)
    {
        if (culture is null || !Languages.Any(l => l.Code == culture))
        {
            culture = Default;
        }

        if (user.Id is { } accountId)
        {
            await accounts.SetLanguageAsync(accountId, culture, context.RequestAborted);
        }

        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
            });
        return Results.LocalRedirect(context.Request.PathBase.Value + (IsLocalPath(zurueck) ? zurueck : "/"));
    }

    /// <summary>The switcher's link to <paramref name="code"/> from the current page (without a culture in its query).</summary>
    public static string SwitchHref(HttpRequest request, string code)
    {
        var query = request.Query
            .Where(q => q.Key is not ("culture" or "ui-culture"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        // On a re-executed error page (404), return to the address that was asked for, not to /not-found.
        var original = request.HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var path = original?.OriginalPath ?? request.Path.Value;
        var back = path + QueryString.Create(query).Value;
        KeyValuePair<string, string?>[] parameters = [new("culture", code), new("zurueck", back)];
        return "sprache" + QueryString.Create(parameters).Value;
    }

    // Only a path on this site: no scheme, no host, no protocol-relative "//" or "/\" tricks.
    private static bool IsLocalPath(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'));
}
