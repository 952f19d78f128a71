using System.Collections;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.TestSupport;

namespace Platform.Api.Tests.Errors;

/// <summary>One operation of the API that takes a JSON body, read from the app's own endpoint data source.</summary>
public sealed record JsonBodyOperation(string Method, string Route, Type BodyType)
{
    public override string ToString() => $"{Method} {Route}";

    /// <summary>The route with every parameter filled in (a fresh GUID, a number or a word, as the constraint asks).</summary>
    public string Url => "/" + string.Join('/', Route.TrimStart('/').Split('/').Select(Fill)).TrimStart('/');

    private static string Fill(string segment)
    {
        if (!segment.Contains('{', StringComparison.Ordinal))
        {
            return segment;
        }

        var start = segment.IndexOf('{', StringComparison.Ordinal);
        var end = segment.IndexOf('}', StringComparison.Ordinal);
        var parameter = segment[(start + 1)..end];
        var value = parameter.EndsWith(":int", StringComparison.Ordinal) ? "1"
            : parameter.Contains(":guid", StringComparison.Ordinal) || parameter.EndsWith("id", StringComparison.OrdinalIgnoreCase) ? Guid.NewGuid().ToString()
            : "thema";
        return segment[..start] + value + segment[(end + 1)..];
    }
}

/// <summary>
/// Walks every API operation with a JSON body and sends it as a caller who gets past authorization: anonymous for
/// the sign-in operations, the PlatformAdmin on the bare host, otherwise the first of a TenantAdmin, an editor with a
/// second factor, a NetworkEditor and a young person that is not refused with 401/403.
/// </summary>
public sealed class ApiOperations(PlatformApp app)
{
    private const string Tenant = "gross-gerau";
    private readonly List<string> _tenantTokens = [];
    private string _platformToken = "";

    public static IReadOnlyList<JsonBodyOperation> WithJsonBody(PlatformApp app) =>
    [
        .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (e, method)))
            .Select(x => (x.e, x.method, accepts: x.e.Metadata.GetMetadata<IAcceptsMetadata>()))
            .Where(x => x.accepts is { RequestType: not null } a && a.ContentTypes.Any(c => c.Contains("json", StringComparison.OrdinalIgnoreCase)))
            .Select(x => new JsonBodyOperation(x.method, x.e.RoutePattern.RawText!, x.accepts!.RequestType!))
            .Distinct()
            .OrderBy(o => o.Route, StringComparer.Ordinal),
    ];

    public async Task SignInAsync()
    {
        using var tenant = app.CreateTenantClient(Tenant);
        _tenantTokens.Add(await ApiTestBase<PlatformApp>.SignInAsync(tenant, "admin@gross-gerau.example"));
        _tenantTokens.Add(await ApiTestBase<PlatformApp>.SignInWithSecondFactorAsync(app, tenant, Tenant, "redaktion@gross-gerau.example"));
        _tenantTokens.Add(await ApiTestBase<PlatformApp>.SignInAsync(tenant, "netzwerk@gross-gerau.example"));
        _tenantTokens.Add(await ApiTestBase<PlatformApp>.SignInAsync(tenant, "jana@gross-gerau.example"));
        using var bare = app.CreateClientForHost("localhost");
        _platformToken = await ApiTestBase<PlatformApp>.SignInAsync(bare, "admin@plattform.example");
    }

    /// <summary>Sends <paramref name="json"/> and returns the first answer that is not an authorization refusal.</summary>
    public async Task<(HttpStatusCode Status, string Body)> SendAsync(JsonBodyOperation operation, string json)
    {
        var onPlatform = operation.Route.StartsWith("/api/v1/platform", StringComparison.Ordinal);
        var anonymous = operation.Route.StartsWith("/api/v1/auth", StringComparison.Ordinal);
        using var client = onPlatform ? app.CreateClientForHost("localhost") : app.CreateTenantClient(Tenant);
        List<string?> tokens = anonymous ? [null] : onPlatform ? [_platformToken] : [.. _tenantTokens];
        (HttpStatusCode, string) last = default;
        foreach (var token in tokens)
        {
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), operation.Url.TrimStart('/'))
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await client.SendAsync(request);
            last = (response.StatusCode, await response.Content.ReadAsStringAsync());
            if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
            {
                return last;
            }
        }

        return last;
    }

    /// <summary>A body with every member set to a value of its type; every text (and text in lists) is <paramref name="text"/>.</summary>
    public static JsonNode? Sample(Type type, string text, int depth = 0)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return text;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type.IsEnum)
        {
            return Enum.GetNames(type)[^1];
        }

        if (type == typeof(Guid))
        {
            return Guid.NewGuid().ToString();
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return "2030-01-01T10:00:00Z";
        }

        if (type == typeof(DateOnly))
        {
            return "2030-01-01";
        }

        if (type == typeof(TimeOnly) || type == typeof(TimeSpan))
        {
            return "10:00:00";
        }

        if (type.IsPrimitive || type == typeof(decimal))
        {
            return 1;
        }

        if (type == typeof(JsonElement) || type == typeof(object) || depth > 4)
        {
            return new JsonObject();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)))
        {
            return new JsonObject();
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().FirstOrDefault() ?? typeof(string);
            return new JsonArray(Sample(element, text, depth + 1));
        }

        var body = new JsonObject();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            body[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = Sample(property.PropertyType, text, depth + 1);
        }

        return body;
    }

    public static bool HasText(Type type, int depth = 0)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return true;
        }

        if (type.IsPrimitive || type.IsEnum || type.IsValueType || depth > 4 || type == typeof(object) || type == typeof(JsonElement))
        {
            return false;
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().FirstOrDefault();
            return element is not null && HasText(element, depth + 1);
        }

        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => HasText(p.PropertyType, depth + 1));
    }

    /// <summary>
    /// Whether the body type has a member a client must send: a constructor parameter without a default value that
    /// cannot be null. A type without one is genuinely optional everywhere, and <c>{}</c> may succeed.
    /// </summary>
    public static bool HasRequiredMember(Type type)
    {
        var nullability = new NullabilityInfoContext();
        return type.GetConstructors().Any(c => c.GetParameters().Any(p =>
            !p.HasDefaultValue && nullability.Create(p).WriteState == NullabilityState.NotNull));
    }
}
