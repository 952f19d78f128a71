using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Security;
using Platform.Application.Accounts;

namespace Platform.Api.Endpoints.Accounts;

/// <summary>A jobcenter's staff (TenantAdmins of the current tenant only) and accepting an invitation to join it.</summary>
public static class StaffEndpoints
{
    public static RouteGroupBuilder MapStaffEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/tenant").WithTags("Tenant administration").RequireAuthorization(PlatformPolicies.TenantAdmin);
        admin.MapGet("/staff", ListStaff);
        admin.MapPost("/staff/invitations", InviteStaff);
        admin.MapPut("/staff/{accountId:guid}/role", ChangeStaffRole);
        admin.MapDelete("/staff/{accountId:guid}", RemoveStaff);

        api.MapPost("/auth/accept-invitation", AcceptInvitation).WithTags("Auth").RequireRateLimiting(RateLimits.SignIn)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static async Task<Ok<IReadOnlyList<StaffMember>>> ListStaff(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListStaffQuery(), ct));

    public static async Task<Created<InvitationResponse>> InviteStaff(
        InviteStaffCommand command, IMediator mediator, CancellationToken ct)
    {
        var invitation = await mediator.Send(command, ct);
        return TypedResults.Created(
            "staff", new InvitationResponse(invitation.Id, invitation.Email, invitation.Role, invitation.Link.AbsoluteUri, invitation.ExpiresAt, invitation.Mailed));
    }

    public static async Task<NoContent> ChangeStaffRole(Guid accountId, ChangeRoleRequest request, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new ChangeStaffRoleCommand(accountId, request.Role), ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> RemoveStaff(Guid accountId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RemoveStaffCommand(accountId), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Created> AcceptInvitation(AcceptInvitationCommand command, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return TypedResults.Created();
    }
}
