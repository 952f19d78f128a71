using System.Globalization;
using System.Net;
using Platform.Web.Resources;

namespace Platform.Api.Errors;

/// <summary>
/// The small HTML page a person's browser gets when a page fails (a 500 while rendering, 503 while the database is
/// away, a refused form): written by the exception handler itself, so it works when the page that failed could not
/// render, in the request's UI language and without any detail of the exception.
/// </summary>
public static class ErrorPage
{
    public static async Task WriteAsync(HttpContext context, int status, string? detail)
    {
        var (title, text) = status switch
        {
            StatusCodes.Status400BadRequest => (UiText.Get("Error.BadRequest.Title"), detail ?? UiText.Get("Error.BadRequest.Text")),
            StatusCodes.Status403Forbidden => (UiText.Get("AccessDenied.Title"), detail ?? UiText.Get("AccessDenied.Text")),
            StatusCodes.Status404NotFound => (UiText.Get("NotFound.Title"), detail ?? UiText.Get("Error.NotFound.Text")),
            StatusCodes.Status409Conflict => (UiText.Get("Error.Conflict.Title"), detail ?? UiText.Get("Error.Conflict.Text")),
            StatusCodes.Status503ServiceUnavailable => (UiText.Get("Error.Unavailable.Title"), UiText.Get("Error.Unavailable.Text")),

            // Never the exception's message: it may name tables, hosts or someone's data.
            _ => (UiText.Get("Error.Unexpected.Title"), UiText.Get("Error.Unexpected.Text")),
        };

        var culture = CultureInfo.CurrentUICulture;
        var home = WebUtility.HtmlEncode(context.Request.PathBase.Add("/").Value ?? "/");
        var (t, d) = (WebUtility.HtmlEncode(title), WebUtility.HtmlEncode(text));
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(
            $"<!doctype html><html lang=\"{culture.TwoLetterISOLanguageName}\" dir=\"{(culture.TextInfo.IsRightToLeft ? "rtl" : "ltr")}\">"
            + "<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + $"<title>{t}</title></head><body><main><h1>{t}</h1><p>{d}</p>"
            + $"<p><a href=\"{home}\">{WebUtility.HtmlEncode(UiText.Get("Error.Home"))}</a></p></main></body></html>",
            context.RequestAborted);
    }
}
