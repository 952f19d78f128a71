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
            && !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
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
}

internal static class UnknownTenant
{
    public const string Title = "Jobcenter nicht gefunden";

    public static Task WriteAsync(HttpContext context) =>
        StatusPage.WriteAsync(context, StatusCodes.Status404NotFound, Title,
            "Unter dieser Adresse gibt es kein Jobcenter auf unserer Plattform. Bitte prüfe die Adresse.");
}
