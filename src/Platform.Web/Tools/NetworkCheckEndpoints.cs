using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Application.Common;

namespace Platform.Web.Tools;

/// <summary>
/// The Video-Check's network check, inside the tenant's path like every page (<c>/t/{slug}/netzcheck</c> or the
/// jobcenter's host): <c>GET netzcheck</c> answers at once with nothing (the round trip), <c>GET netzcheck?bytes=N</c>
/// with N random bytes, at most 2 MB (the download rate; random so that no compression makes the line look faster).
/// Never cached anywhere (<c>no-store</c>), so each measurement really crosses the network. It takes nothing from the
/// person: no body, no cookie is read. The downloads are rate-limited per tenant and client
/// (<see cref="RateLimitPolicies.NetworkCheck"/>).
/// </summary>
public static class NetworkCheckEndpoints
{
    public const int MaxBytes = 2 * 1024 * 1024;

    private static readonly Lazy<byte[]> Noise = new(() => RandomNumberGenerator.GetBytes(MaxBytes));

    public static IEndpointRouteBuilder MapNetworkCheck(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/netzcheck", (HttpContext context, ICurrentTenant currentTenant, string? bytes) =>
        {
            if (currentTenant.Tenant is null)
            {
                return Results.NotFound();
            }

            // Read here, not bound: a binding failure would be an empty 400 that a browser's Accept turns into a page.
            // Digits only; more than the cap is the cap.
            var length = 0;
            if (!string.IsNullOrEmpty(bytes))
            {
                if (!bytes.All(char.IsAsciiDigit))
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["bytes"] = [ValidationMessages.Format("NetworkCheck.BytesInvalid", MaxBytes)],
                    });
                }

                length = bytes.Length > 9 ? MaxBytes : Math.Min(int.Parse(bytes, CultureInfo.InvariantCulture), MaxBytes);
            }

            context.Response.Headers.CacheControl = "no-store";
            return length == 0
                ? Results.NoContent()
                : Results.Bytes(Noise.Value.AsMemory(0, length), "application/octet-stream");
        }).RequireRateLimiting(RateLimitPolicies.NetworkCheck).ExcludeFromDescription();
        return endpoints;
    }
}
