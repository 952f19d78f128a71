using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Infrastructure;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Application.Tenants;
using Platform.Domain.Tenants;

namespace Platform.Api.Endpoints;

/// <summary>Operating the platform (bare host, PlatformAdmins only): onboard and (de)activate jobcenters.</summary>
public static class PlatformEndpoints
{
    public static RouteGroupBuilder MapPlatformEndpoints(this RouteGroupBuilder api)
    {
        var platform = api.MapGroup("/platform/tenants").WithTags("Platform").RequireAuthorization(PlatformPolicies.PlatformAdmin);
        platform.MapGet("/", ListAllTenants);
        platform.MapPost("/", OnboardTenant);
        platform.MapPut("/{tenantId:guid}/status", ChangeTenantStatus);

        api.MapGet("/tenants", FindTenants).WithTags("Platform").WithSummary("Active jobcenters by postcode or name (landing page)");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<TenantInfo>>> ListAllTenants(ITenantCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok(await catalog.ListAsync(ct));

    public static async Task<Created<OnboardedTenantResponse>> OnboardTenant(
        OnboardTenantCommand command, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(command, ct);
        var invitation = result.Invitation;
        return TypedResults.Created(
            $"/t/{result.Slug}/", new OnboardedTenantResponse(result.TenantId, result.Slug, invitation.Link.AbsoluteUri, invitation.ExpiresAt, invitation.Mailed));
    }

    public static async Task<NoContent> ChangeTenantStatus(Guid tenantId, ChangeTenantStatusRequest request, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new ChangeTenantStatusCommand(tenantId, request.Status), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<TenantInfo>>> FindTenants(IMediator mediator, string? search, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new FindTenantsQuery(search), ct));
}

/// <param name="InvitationMailed">False when the mail server did not take the invitation: forward the link yourself.</param>
public sealed record OnboardedTenantResponse(Guid TenantId, string Slug, string InvitationUrl, DateTime InvitationExpiresAt, bool InvitationMailed);

public sealed record ChangeTenantStatusRequest(TenantStatus Status);
