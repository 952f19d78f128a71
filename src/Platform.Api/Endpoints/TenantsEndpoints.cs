using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Security;
using Platform.Application.Common;
using Platform.Application.Tenants;
using Platform.Domain.Tenants;

namespace Platform.Api.Endpoints;

/// <summary>
/// Jobcenters: operating the platform (bare host, PlatformAdmins only: onboard and (de)activate them, find them for the
/// landing page) and a jobcenter's own settings (TenantAdmins of the current tenant only: look, contact, legal texts).
/// </summary>
public static class TenantsEndpoints
{
    public static RouteGroupBuilder MapTenantsEndpoints(this RouteGroupBuilder api)
    {
        var platform = api.MapGroup("/platform/tenants").WithTags("Platform").RequireAuthorization(PlatformPolicies.PlatformAdmin);
        platform.MapGet("/", ListAllTenants);
        platform.MapPost("/", OnboardTenant);
        platform.MapPut("/{tenantId:guid}/status", ChangeTenantStatus);

        api.MapGet("/tenants", FindTenants).WithTags("Platform").WithSummary("Active jobcenters by postcode or name (landing page)");
        return api;
    }

    public static RouteGroupBuilder MapTenantSettingsEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/tenant").WithTags("Tenant administration").RequireAuthorization(PlatformPolicies.TenantAdmin);
        admin.MapGet("/settings", GetSettings);
        admin.MapPut("/branding", UpdateBranding);
        admin.MapPut("/contact", UpdateContact);
        admin.MapPut("/legal", UpdateLegalTexts);
        admin.MapPut("/editorial-rules", UpdateEditorialRules);
        admin.MapGet("/embed-origins", GetEmbedSettings).WithSummary("Websites allowed to frame the widget (/einbetten) and the snippet to paste");
        admin.MapPut("/embed-origins", UpdateEmbedOrigins).WithSummary("Replaces the websites allowed to frame the widget: https://host[:port] only");
        admin.MapPut("/logo", UploadLogo).DisableAntiforgery();
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

    public static async Task<Ok<EmbedSettings>> GetEmbedSettings(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetEmbedSettingsQuery(), ct));

    public static async Task<Ok<EmbedSettings>> UpdateEmbedOrigins(UpdateEmbedOriginsCommand command, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return TypedResults.Ok(await mediator.Send(new GetEmbedSettingsQuery(), ct));
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
        if (logo.Length > TenantLogo.MaxBytes)
        {
            throw new ValidationException([new ValidationFailure("logo", "Das Logo darf höchstens 512 KB groß sein.")]);
        }

        using var buffer = new MemoryStream();
        await logo.CopyToAsync(buffer, ct);
        await mediator.Send(new UploadLogoCommand(buffer.ToArray()), ct);
        return TypedResults.NoContent();
    }
}
