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
/// person: no body, no cookie is read.
/// </summary>
public static class NetworkCheckEndpoints
{
    public const int MaxBytes = 2 * 1024 * 1024;

    private static readonly Lazy<byte[]> Noise = new(() => RandomNumberGenerator.GetBytes(MaxBytes));

    public static IEndpointRouteBuilder MapNetworkCheck(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/netzcheck", (HttpContext context, ICurrentTenant currentTenant, int? bytes) =>
        {
            if (currentTenant.Tenant is null)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "no-store";
            var length = Math.Clamp(bytes ?? 0, 0, MaxBytes);
            return length == 0
                ? Results.NoContent()
                : Results.Bytes(Noise.Value.AsMemory(0, length), "application/octet-stream");
        }).ExcludeFromDescription();
        return endpoints;
    }
}
