using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Application.Accounts;

namespace Platform.Api.Endpoints;

/// <summary>"Meine Daten": a person downloads everything held about them, or deletes their account.</summary>
public static class MyDataEndpoints
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static RouteGroupBuilder MapMyDataEndpoints(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("My data").RequireAuthorization();
        me.MapGet("/data", ExportMyData);
        me.MapDelete("/", DeleteMyAccount);
        me.MapPost("/age-confirmation", ConfirmAtLeast16);
        return api;
    }

    public static async Task<FileContentHttpResult> ExportMyData(IMediator mediator, TimeProvider clock, CancellationToken ct)
    {
        var export = await mediator.Send(new ExportMyDataQuery(), ct);
        var json = JsonSerializer.SerializeToUtf8Bytes(export, Indented);
        return TypedResults.File(json, "application/json", $"meine-daten-{clock.GetUtcNow():yyyy-MM-dd}.json");
    }

    /// <summary>The person confirms being 16 or older; recorded with its time as a consent (shown in the export).</summary>
    public static async Task<NoContent> ConfirmAtLeast16(IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new ConfirmAtLeast16Command(), ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> DeleteMyAccount(IMediator mediator, HttpContext context, CancellationToken ct)
    {
        await mediator.Send(new DeleteMyAccountCommand(), ct);
        await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(
            context, Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
        return TypedResults.NoContent();
    }
}
