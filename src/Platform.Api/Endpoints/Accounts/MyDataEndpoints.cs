using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Platform.Api.Security;
using Platform.Application.Accounts;

namespace Platform.Api.Endpoints.Accounts;

/// <summary>"Meine Daten": a person downloads everything held about them, or deletes their account.</summary>
public static class MyDataEndpoints
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static RouteGroupBuilder MapMyDataEndpoints(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("My data").RequireAuthorization();
        me.MapGet("/data", ExportMyData);
        // A POST with the password (or the confirmation) in the body, not DELETE /me: a DELETE on any path below /me
        // that a client's dot segments shorten to /me must never take the whole account with it.
        me.MapPost("/deletion", DeleteMyAccount).RequireRateLimiting(RateLimits.SignIn).ProducesValidationProblem();
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

    /// <summary>
    /// Deletes the account with everything held about the person. The body confirms it: <c>password</c> for an account
    /// with a password, otherwise <c>confirm</c> set to <c>KONTO LÖSCHEN</c>; without it the answer is 400 naming the field.
    /// </summary>
    public static async Task<NoContent> DeleteMyAccount(DeleteMyAccountRequest? request, IMediator mediator, HttpContext context, CancellationToken ct)
    {
        await mediator.Send(new DeleteMyAccountCommand(request?.Password, request?.Confirm), ct);
        await AuthenticationHttpContextExtensions.SignOutAsync(
            context, IdentityConstants.ApplicationScheme);
        return TypedResults.NoContent();
    }
}
