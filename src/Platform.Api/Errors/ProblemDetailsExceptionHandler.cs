using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Platform.Api.Http;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Posts;
using Platform.Infrastructure.Persistence;

namespace Platform.Api.Errors;

/// <summary>
/// The one place where exceptions become error answers: 400, 403, 404, 409, 503 while the database cannot be reached
/// (with Retry-After), and a plain 500 without details. The API answers problem+json whatever the request's Accept
/// says (a cover asked for as <c>image/*</c>, an <c>.ics</c> as <c>text/calendar</c>); a page asked for as HTML gets
/// a small HTML page with the same status (<see cref="ErrorPage"/>).
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    /// <summary>Seconds a client should wait before trying again while the database is away.</summary>
    public const int RetryAfterSeconds = 5;

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
                BodyErrors(badRequest.InnerException as JsonException)
                    ?? (BoundParameter(badRequest.Message) is { } field
                        ? new Dictionary<string, string[]> { [field] = [$"Der Wert für '{field}' hat das falsche Format."] }
                        : null)),
            NotFoundException notFound => (StatusCodes.Status404NotFound, "Nicht gefunden.", $"{notFound.Resource} wurde nicht gefunden.", null),
            ForbiddenException forbidden => (StatusCodes.Status403Forbidden, "Keine Berechtigung.", forbidden.Message, null),
            TenantRequiredException => (StatusCodes.Status404NotFound, "Jobcenter nicht gefunden", "Diese Anfrage braucht ein Jobcenter.", null),
            StaleVersionException stale => (StatusCodes.Status409Conflict, "Der Beitrag wurde inzwischen geändert.", stale.Message, null),
            ConflictException conflict => (StatusCodes.Status409Conflict, "Der Inhalt wurde inzwischen geändert.", conflict.Message, null),
            DomainException domain => (StatusCodes.Status409Conflict, "Die Aktion ist gerade nicht möglich.", domain.Message, null),
            _ when DatabaseAvailability.IsOutage(exception) => (
                StatusCodes.Status503ServiceUnavailable,
                "Vorübergehend nicht erreichbar",
                "Die Plattform kann ihre Daten gerade nicht erreichen. Bitte versuche es in ein paar Sekunden noch einmal.",
                null),
            _ => (StatusCodes.Status500InternalServerError, "Ein unerwarteter Fehler ist aufgetreten.", null, null),
        };

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            LogOutage(logger, httpContext.Request.Path, exception.GetType().Name);
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
        else if (status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
        }

        if (ErrorAnswers.WantsPage(httpContext))
        {
            await ErrorPage.WriteAsync(httpContext, status, detail ?? errors?.Values.FirstOrDefault()?.FirstOrDefault());
            return true;
        }

        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }

        await ErrorAnswers.WriteProblemAsync(httpContext, problem);
        return true;
    }

    private static string FieldName(string propertyName) =>
        string.IsNullOrEmpty(propertyName)
            ? ""
            : string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    /// <summary>
    /// A JSON body the serializer refused: the field from the exception's path (<c>$.postcodes[0]</c>), or for missing
    /// required members each of them.
    /// </summary>
    private static Dictionary<string, string[]>? BodyErrors(JsonException? json)
    {
        if (json is null)
        {
            return null;
        }

        var missing = MissingMembers().Match(json.Message);
        if (missing.Success)
        {
            return QuotedName().Matches(missing.Groups["names"].Value)
                .Select(m => (JsonPath(json.Path) is { Length: > 0 } parent ? parent + "." : "") + m.Groups["name"].Value)
                .Distinct()
                .ToDictionary(name => name, _ => new[] { ValidationMessages.Get("Input.Required") });
        }

        var field = JsonPath(json.Path);
        var message = json is RequestJson.RejectedTextException ? TextInput.Message : ValidationMessages.Get("Input.Malformed");
        return new Dictionary<string, string[]> { [field] = [message] };
    }

    /// <summary><c>$.contact.postcodes[0]</c> → <c>contact.postcodes[0]</c>; the root <c>$</c> → empty.</summary>
    private static string JsonPath(string? path) =>
        string.IsNullOrEmpty(path) ? "" : path.TrimStart('$').TrimStart('.');

    /// <summary>Minimal APIs report binding failures as 'Failed to bind parameter "int page" from "x".'</summary>
    private static string? BoundParameter(string message) =>
        BindFailure().Match(message) is { Success: true } m ? m.Groups["name"].Value : null;

    [GeneratedRegex("parameter \"[^\"]*?(?<name>\\w+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex BindFailure();

    /// <summary>System.Text.Json: "… was missing required properties including: 'a', 'b'."</summary>
    [GeneratedRegex("missing required properties[^:]*:(?<names>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex MissingMembers();

    [GeneratedRegex("'(?<name>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedName();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database cannot be reached ({Exception}); {Path} answered 503")]
    private static partial void LogOutage(ILogger logger, string path, string exception);
}
