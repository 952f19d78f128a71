using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Security;
using Platform.Application.Audit;

namespace Platform.Api.Endpoints;

/// <summary>The audit log of the current jobcenter (TenantAdmins of the current tenant only).</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/tenant").WithTags("Tenant administration").RequireAuthorization(PlatformPolicies.TenantAdmin);
        admin.MapGet("/audit", GetAuditLog);
        return api;
    }

    public static async Task<Ok<IReadOnlyList<AuditLogEntry>>> GetAuditLog(IMediator mediator, CancellationToken ct, int page = 1, int pageSize = 50) =>
        TypedResults.Ok(await mediator.Send(new GetAuditLogQuery(page, pageSize), ct));
}
