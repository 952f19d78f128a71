using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Platform.Infrastructure.Tenancy;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;

namespace Platform.Api.Errors;

/// <summary>
/// Which form an error answer takes, decided when the error happens — after tenant resolution has moved a
/// <c>/t/{slug}</c> prefix into PathBase, so the API under a path prefix answers exactly as under a host. The API
/// answers problem+json whatever its Accept header says; people asking for a page get the HTML error page.
/// </summary>
public static class ErrorAnswers
{
    public static bool IsApi(HttpContext context) => StatusPage.IsApi(context.Request.Path);

    public static bool WantsPage(HttpContext context) =>
        !IsApi(context)
        && context.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>
    /// Writes the problem through the platform's <see cref="IProblemDetailsService"/> (status defaults, trace id); where
    /// that declines because the client asked for something else (<c>image/*</c>), as problem+json all the same.
    /// </summary>
    public static async Task WriteProblemAsync(HttpContext context, ProblemDetails problem)
    {
        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        context.Response.StatusCode = status;
        var service = context.RequestServices.GetService<IProblemDetailsService>();
        if (service is not null && await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            return;
        }

        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.TraceIdentifier);
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        await context.Response.WriteAsJsonAsync(problem, json, "application/problem+json", context.RequestAborted);
    }

    /// <summary>
    /// Bodiless error statuses: the API's as problem+json (inside, so it sees the tenant prefix already moved), everything
    /// else by re-executing the not-found page further out; on a node without pages every one as problem+json.
    /// </summary>
    public static IApplicationBuilder UseErrorStatusCodePages(this IApplicationBuilder app, bool servesPages, string notFoundPage)
    {
        if (servesPages)
        {
            app.UseStatusCodePagesWithReExecute(notFoundPage);
        }

        return app.Use(async (context, next) =>
        {
            await next(context);
            var response = context.Response;
            if ((!servesPages || IsApi(context))
                && !response.HasStarted
                && response.StatusCode is >= 400 and < 600
                && response.ContentLength is null
                && string.IsNullOrEmpty(response.ContentType)
                && context.Features.Get<IStatusCodePagesFeature>()?.Enabled != false
                && context.GetEndpoint()?.Metadata.GetMetadata<ISkipStatusCodePagesMetadata>() is null)
            {
                await WriteProblemAsync(context, new ProblemDetails { Status = response.StatusCode });
            }
        });
    }
}
