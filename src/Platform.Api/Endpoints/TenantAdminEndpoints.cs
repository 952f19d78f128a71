using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Infrastructure;
using Platform.Application.Accounts;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Application.Tenants;

namespace Platform.Api.Endpoints;

/// <summary>A jobcenter's own administration (TenantAdmins of the current tenant only): look, contact, staff, audit.</summary>
public static class TenantAdminEndpoints
{
    public static RouteGroupBuilder MapTenantAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/tenant").WithTags("Tenant administration").RequireAuthorization(PlatformPolicies.TenantAdmin);
        admin.MapGet("/settings", GetSettings);
        admin.MapPut("/branding", UpdateBranding);
        admin.MapPut("/contact", UpdateContact);
        admin.MapPut("/legal", UpdateLegalTexts);
        admin.MapPut("/editorial-rules", UpdateEditorialRules);
        admin.MapPut("/logo", UploadLogo).DisableAntiforgery();
        admin.MapGet("/staff", ListStaff);
        admin.MapPost("/staff/invitations", InviteStaff);
        admin.MapPut("/staff/{accountId:guid}/role", ChangeStaffRole);
        admin.MapDelete("/staff/{accountId:guid}", RemoveStaff);
        admin.MapGet("/audit", GetAuditLog);
        admin.MapGet("/topics", ListTopics);
        admin.MapPost("/topics", CreateTopic);
        admin.MapDelete("/topics/{slug}", DeleteTopic);

        api.MapPost("/auth/accept-invitation", AcceptInvitation).WithTags("Auth").RequireRateLimiting(Infrastructure.RateLimits.SignIn)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static async Task<Ok<IReadOnlyList<TenantTopicItem>>> ListTopics(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListTenantTopicsQuery(), ct));

    public static async Task<Created<TenantTopicItem>> CreateTopic(CreateTenantTopicCommand command, IMediator mediator, CancellationToken ct)
    {
        var topic = await mediator.Send(command, ct);
        return TypedResults.Created($"topics/{topic.Slug}", topic);
    }

    public static async Task<NoContent> DeleteTopic(string slug, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteTenantTopicCommand(slug), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<TenantSettings>> GetSettings(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetTenantSettingsQuery(), ct));

    public static async Task<NoContent> UpdateBranding(UpdateBrandingCommand command, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> UpdateEditorialRules(UpdateEditorialRulesCommand command, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> UpdateContact(UpdateContactCommand command, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> UpdateLegalTexts(UpdateLegalTextsCommand command, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> UploadLogo(IFormFile logo, IMediator mediator, CancellationToken ct)
    {
        if (logo.Length > Platform.Domain.Tenants.TenantLogo.MaxBytes)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("logo", "Das Logo darf höchstens 512 KB groß sein.")]);
        }

        using var buffer = new MemoryStream();
        await logo.CopyToAsync(buffer, ct);
        await mediator.Send(new UploadLogoCommand(buffer.ToArray()), ct);
        return TypedResults.NoContent();
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

    public static async Task<Ok<IReadOnlyList<AuditLogEntry>>> GetAuditLog(IMediator mediator, CancellationToken ct, int page = 1, int pageSize = 50) =>
        TypedResults.Ok(await mediator.Send(new GetAuditLogQuery(page, pageSize), ct));

    public static async Task<Created> AcceptInvitation(AcceptInvitationCommand command, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return TypedResults.Created();
    }
}

public sealed record InvitationResponse(Guid Id, string Email, string Role, string InvitationUrl, DateTime ExpiresAt, bool InvitationMailed);

public sealed record ChangeRoleRequest(string Role);
