using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Platform.Api.Errors;
using Platform.Api.Tenancy;
using Platform.Application.Common;
using Platform.Domain.Tenants;
using Platform.Infrastructure.Tenancy;

namespace Platform.Api.OpenApi;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>, ADR-024) describes what the endpoints really do, so that generated
/// clients, validating proxies and fuzzers agree with the server: which operations need a sign-in (read from the
/// endpoints' authorization metadata, never listed by hand), the problem+json answers every operation can give,
/// Berlin wall-clock times as what they are, and servers under which the tenant-scoped paths resolve a jobcenter.
/// </summary>
public static class PlatformOpenApi
{
    public const string BearerScheme = "bearer";

    public const string CookieScheme = "cookie";

    private const string ProblemSchemaId = "ProblemDetails";

    /// <summary>A Berlin wall-clock time as the API writes it: no offset, so not an RFC 3339 <c>date-time</c>.</summary>
    public const string LocalDateTimePattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?$";

    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer(DescribeLocalDateTimes);
            options.AddOperationTransformer(DescribeSecurityAndProblems);
            options.AddDocumentTransformer(DescribeDocument);
        });
        return services;
    }

    /// <summary>
    /// Properties marked <see cref="LocalDateTimeAttribute"/> are Berlin wall-clock times without an offset: a string with
    /// a pattern, because <c>format: date-time</c> (RFC 3339) requires an offset.
    /// </summary>
    private static Task DescribeLocalDateTimes(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var marked = context.JsonPropertyInfo?.AttributeProvider?.IsDefined(typeof(LocalDateTimeAttribute), inherit: true) == true;
        if (marked)
        {
            schema.Format = null;
            schema.Pattern = LocalDateTimePattern;
        }

        return Task.CompletedTask;
    }

    private static Task DescribeSecurityAndProblems(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var parameters = context.Description.ParameterDescriptions;
        operation.Responses ??= [];

        // The handler method is named after its use case (STYLE.md): "ListStaff" reads "List staff" where no summary was given.
        if (string.IsNullOrWhiteSpace(operation.Summary) && metadata.OfType<MethodInfo>().FirstOrDefault() is { } handler)
        {
            operation.Summary = Words(handler.Name);
        }

        var authorized = (metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<AuthorizationPolicy>().Any())
            && !metadata.OfType<IAllowAnonymous>().Any();
        operation.Security = authorized
            ? [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] },
            ]
            : [];

        var takesInput = operation.RequestBody is not null
            || parameters.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Form || p.Source == BindingSource.FormFile
                || p.Source == BindingSource.Query
                // An id bound as text is parsed by the endpoint: a malformed one is a 400 naming the field.
                || (p.Source == BindingSource.Path && p.RouteInfo?.Constraints?.Any() != true));
        if (takesInput)
        {
            AddProblem(operation, document, StatusCodes.Status400BadRequest, "The input is invalid: `errors` names each field with its messages.");
        }

        if (authorized)
        {
            AddProblem(operation, document, StatusCodes.Status401Unauthorized, "Not signed in, or the token or cookie is no longer valid.");
            AddProblem(operation, document, StatusCodes.Status403Forbidden, "Signed in, but without the role, jobcenter or second factor this operation needs.");
        }

        if (parameters.Any(p => p.Source == BindingSource.Path) || metadata.OfType<RequiresTenantMetadata>().Any())
        {
            AddProblem(operation, document, StatusCodes.Status404NotFound, "Not found in this jobcenter (or no jobcenter at this address).");
        }

        // Signed-in writes pass the domain's rules (a state that does not allow the step, a stale version); others declare it.
        var writes = !HttpMethods.IsGet(context.Description.HttpMethod ?? HttpMethods.Get);
        if ((authorized && writes) || metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == StatusCodes.Status409Conflict))
        {
            AddProblem(operation, document, StatusCodes.Status409Conflict, "The current state does not allow it, or the content was changed meanwhile.");
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            var tooMany = AddProblem(operation, document, StatusCodes.Status429TooManyRequests, "Too many attempts from this address: try again after `Retry-After` seconds.");
            tooMany.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds until the next attempt is accepted.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                },
            };
        }

        // Every other 4xx the endpoint declares itself (e.g. a ProblemHttpResult) is problem+json as well.
        foreach (var (status, response) in operation.Responses.ToList())
        {
            if (status.StartsWith('4') && response is OpenApiResponse concrete)
            {
                concrete.Content = ProblemContent(document);
            }
        }

        return Task.CompletedTask;
    }

    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    private static OpenApiResponse AddProblem(OpenApiOperation operation, OpenApiDocument document, int status, string description)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (!operation.Responses!.TryGetValue(key, out var existing) || existing is not OpenApiResponse response)
        {
            response = new OpenApiResponse();
            operation.Responses[key] = response;
        }

        response.Description = description;
        response.Content = ProblemContent(document);
        return response;
    }

    private static Dictionary<string, OpenApiMediaType> ProblemContent(OpenApiDocument document) => new()
    {
        ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchemaId, document) },
    };

    private static async Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Description =
            "The API of the Jobcenter-Plattform. Every path below `/api/v1` belongs to one jobcenter: call it on the "
            + "jobcenter's host (`{tenant}.{base host}`) or under the prefix `/t/{tenant}`, as the servers say.";
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchemaId] = ProblemSchema();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The `accessToken` of `POST /api/v1/auth/login` (an opaque token, valid only in the jobcenter that issued it).",
            },
            [CookieScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = ".AspNetCore.Identity.Application",
                Description = "The web sign-in cookie (`POST /api/v1/auth/login?useCookies=true`, or the sign-in page).",
            },
        };
        document.Servers = await ServersAsync(context.ApplicationServices, cancellationToken);
    }

    /// <summary>
    /// The request's own base when it came for a jobcenter (its host or <c>/t/{slug}</c>), so "try it" works at once;
    /// otherwise the two addressing rules with the jobcenter as a variable. A bare host alone would answer 404.
    /// </summary>
    private static async Task<List<OpenApiServer>> ServersAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var request = services.GetRequiredService<IHttpContextAccessor>().HttpContext?.Request;
        if (request is null)
        {
            return [];
        }

        var tenant = request.HttpContext.RequestServices.GetRequiredService<ICurrentTenant>().Tenant;
        if (tenant is not null)
        {
            return [new OpenApiServer { Url = $"{request.Scheme}://{request.Host}{request.PathBase}", Description = tenant.DisplayName }];
        }

        var slugs = (await request.HttpContext.RequestServices.GetRequiredService<ITenantCatalog>().ListAsync(cancellationToken))
            .Where(t => t.Status == TenantStatus.Active)
            .Select(t => t.Slug)
            .Order(StringComparer.Ordinal)
            .ToList();
        var baseHost = services.GetRequiredService<IOptions<TenancyOptions>>().Value.BaseHost;
        var port = request.Host.Port is { } p ? ":" + p.ToString(CultureInfo.InvariantCulture) : "";
        OpenApiServerVariable TenantVariable() => new()
        {
            Default = slugs.FirstOrDefault() ?? "jobcenter",
            Enum = slugs.Count > 0 ? slugs : null,
            Description = "The jobcenter's slug.",
        };
        return
        [
            new OpenApiServer
            {
                Url = $"{request.Scheme}://{{tenant}}.{baseHost}{port}",
                Description = "A jobcenter by its host name.",
                Variables = new Dictionary<string, OpenApiServerVariable> { ["tenant"] = TenantVariable() },
            },
            new OpenApiServer
            {
                Url = $"{request.Scheme}://{request.Host}/t/{{tenant}}",
                Description = "A jobcenter by path prefix.",
                Variables = new Dictionary<string, OpenApiServerVariable> { ["tenant"] = TenantVariable() },
            },
        ];
    }

    /// <summary>The shape <see cref="ProblemDetailsExceptionHandler"/> and the status code pages write (RFC 9457).</summary>
    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem. Validation errors name each field in `errors`; some answers add a `reason`.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Field name → messages.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["reason"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A machine-readable cause, e.g. `second-factor-required`." },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    };
}
