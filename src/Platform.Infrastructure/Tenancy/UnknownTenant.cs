using System.Net;
using Microsoft.AspNetCore.Http;

namespace Platform.Infrastructure.Tenancy;

/// <summary>
/// A refusal written before any endpoint runs (unknown tenant, jobcenter not open): problem+json for the API and for
/// clients that do not ask for HTML, a small German page for browsers.
/// </summary>
public static class StatusPage
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var wantsHtml = context.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true)
            && !IsApi(context.Request.Path);
        if (!wantsHtml)
        {
            await Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        var (t, d) = (WebUtility.HtmlEncode(title), WebUtility.HtmlEncode(detail));
        await context.Response.WriteAsync(
            "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + $"<title>{t}</title></head><body><main><h1>{t}</h1><p>{d}</p></main></body></html>");
    }

    /// <summary>
    /// An API path, also while a <c>/t/{slug}</c> prefix is still in the path (before tenant resolution, or for an
    /// unknown slug): the API answers problem+json under a path prefix exactly as under a host.
    /// </summary>
    public static bool IsApi(PathString path)
    {
        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!path.StartsWithSegments("/t", StringComparison.OrdinalIgnoreCase, out var rest) || rest.Value is not { Length: > 1 } value)
        {
            return false;
        }

        var slugEnd = value.IndexOf('/', 1);
        return slugEnd > 0 && new PathString(value[slugEnd..]).StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
    }
}

internal static class UnknownTenant
{
    public const string Title = "Jobcenter nicht gefunden";

    public static Task WriteAsync(HttpContext context) =>
        StatusPage.WriteAsync(context, StatusCodes.Status404NotFound, Title,
            "Unter dieser Adresse gibt es kein Jobcenter auf unserer Plattform. Bitte prüfe die Adresse.");
}
