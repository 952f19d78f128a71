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
        return api;
    }

    public static async Task<FileContentHttpResult> ExportMyData(IMediator mediator, TimeProvider clock, CancellationToken ct)
    {
        var export = await mediator.Send(new ExportMyDataQuery(), ct);
        var json = JsonSerializer.SerializeToUtf8Bytes(export, Indented);
        return TypedResults.File(json, "application/json", $"meine-daten-{clock.GetUtcNow():yyyy-MM-dd}.json");
    }

    public static async Task<NoContent> DeleteMyAccount(IMediator mediator, HttpContext context, CancellationToken ct)
    {
        await mediator.Send(new DeleteMyAccountCommand(), ct);
        await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(
            context, Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
        return TypedResults.NoContent();
    }
}
