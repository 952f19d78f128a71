using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Platform.Infrastructure.Tenancy;

/// <summary>The 404 for a host or prefix that names no tenant: problem+json for the API, a small German page otherwise.</summary>
internal static class UnknownTenant
{
    public const string Title = "Jobcenter nicht gefunden";

    public static async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        var wantsHtml = context.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true)
            && !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
        if (wantsHtml)
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(
                "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + $"<title>{Title}</title></head><body><main><h1>{Title}</h1>"
                + "<p>Unter dieser Adresse gibt es kein Jobcenter auf unserer Plattform. Bitte prüfe die Adresse.</p>"
                + "</main></body></html>");
            return;
        }

        await Results.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: Title,
            detail: "Unter dieser Adresse gibt es kein Jobcenter.").ExecuteAsync(context);
    }
}
