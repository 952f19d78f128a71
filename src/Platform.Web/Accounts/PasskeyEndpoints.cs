using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Application.Accounts;
using Platform.Application.Common;

namespace Platform.Web.Accounts;

/// <summary>
/// The JSON options <c>wwwroot/js/passkey.js</c> hands to <c>navigator.credentials</c>. They are posted with the page's
/// form, so the antiforgery token guards them like every form; Identity keeps the challenge in a short-lived cookie
/// and checks it when the form comes back with the passkey's answer.
/// </summary>
public static class PasskeyEndpoints
{
    public static IEndpointRouteBuilder MapPasskeyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/anmelden/passkey-optionen", RequestOptions).ExcludeFromDescription();
        app.MapPost("/konto/passkey-optionen", CreationOptions).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    // The form collection is bound only so that the antiforgery check applies to these endpoints.
    private static async Task<IResult> RequestOptions(IFormCollection form, ISignInService signIn) =>
        Results.Content(await signIn.MakePasskeyRequestOptionsAsync(), "application/json");

    private static async Task<IResult> CreationOptions(IFormCollection form, IAccountSecurity security, ICurrentUser user) =>
        Results.Content(await security.MakePasskeyCreationOptionsAsync(user.RequiredId), "application/json");
}
