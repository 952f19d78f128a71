using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Api.Infrastructure;

/// <summary>The one place where exceptions become ProblemDetails: 400, 404, 409, and a plain 500 without details.</summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, errors) = exception switch
        {
            ValidationException validation => (
                StatusCodes.Status400BadRequest,
                "Die Eingabe ist ungültig.",
                (string?)null,
                validation.Errors
                    .GroupBy(e => FieldName(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())),
            BadHttpRequestException badRequest => (
                badRequest.StatusCode,
                "Die Anfrage ist ungültig.",
                (string?)null,
                BoundParameter(badRequest.Message) is { } field
                    ? new Dictionary<string, string[]> { [field] = [$"Der Wert für '{field}' hat das falsche Format."] }
                    : null),
            NotFoundException notFound => (StatusCodes.Status404NotFound, "Nicht gefunden.", $"{notFound.Resource} wurde nicht gefunden.", null),
            ForbiddenException forbidden => (StatusCodes.Status403Forbidden, "Keine Berechtigung.", forbidden.Message, null),
            TenantRequiredException => (StatusCodes.Status404NotFound, "Jobcenter nicht gefunden", "Diese Anfrage braucht ein Jobcenter.", null),
            Platform.Domain.Posts.StaleVersionException stale => (StatusCodes.Status409Conflict, "Der Beitrag wurde inzwischen geändert.", stale.Message, null),
            ConflictException conflict => (StatusCodes.Status409Conflict, "Der Inhalt wurde inzwischen geändert.", conflict.Message, null),
            DomainException domain => (StatusCodes.Status409Conflict, "Die Aktion ist gerade nicht möglich.", domain.Message, null),
            _ => (StatusCodes.Status500InternalServerError, "Ein unerwarteter Fehler ist aufgetreten.", null, null),
        };

        if (status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static string FieldName(string propertyName) =>
        string.IsNullOrEmpty(propertyName) ? "" : JsonNamingPolicy.CamelCase.ConvertName(propertyName);

    /// <summary>Minimal APIs report binding failures as 'Failed to bind parameter "int page" from "x".'</summary>
    private static string? BoundParameter(string message) =>
        BindFailure().Match(message) is { Success: true } m ? m.Groups["name"].Value : null;

    [GeneratedRegex("parameter \"[^\"]*?(?<name>\\w+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex BindFailure();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
