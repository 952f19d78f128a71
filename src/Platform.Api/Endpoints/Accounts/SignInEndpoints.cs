using System.Globalization;
using System.Net;
using System.Security.Claims;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.Extensions.Options;
using Platform.Api.Security;
using Platform.Api.Tenancy;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Infrastructure.Identity;

namespace Platform.Api.Endpoints.Accounts;

/// <summary>
/// Sign-in for the API under <c>/api/v1/auth</c>: bearer tokens (or the web cookie with <c>?useCookies=true</c>),
/// always inside the tenant the request resolved to. Writes are rate-limited. Sign-in needs a confirmed e-mail
/// address; the confirmation and password-reset e-mails are sent by a job (<see cref="SendAccountEmailJob"/>), so
/// these requests answer at once, the same way whether or not an account exists, even while the mail server is down.
/// </summary>
public static class SignInEndpoints
{
    public static RouteGroupBuilder MapSignInEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/register", Register).RequireRateLimiting(RateLimits.SignIn).AddEndpointFilter<RequireTenantFilter>();
        // The bearer handler writes the tokens itself (login with useCookies=true: an empty body and the cookie); declared
        // here so the OpenAPI document has the body's shape.
        auth.MapPost("/login", Login).RequireRateLimiting(RateLimits.SignIn).Produces<AccessTokenResponse>();
        auth.MapPost("/refresh", Refresh).RequireRateLimiting(RateLimits.SignIn).Produces<AccessTokenResponse>();
        auth.MapPost("/logout", Logout).RequireAuthorization();
        auth.MapGet("/me", Me).RequireAuthorization();
        auth.MapGet("/confirm-email", ConfirmEmail).WithName(nameof(ConfirmEmail));
        auth.MapPost("/resend-confirmation", ResendConfirmation).RequireRateLimiting(RateLimits.SignIn);
        auth.MapPost("/forgot-password", ForgotPassword).RequireRateLimiting(RateLimits.SignIn);
        auth.MapPost("/reset-password", ResetPassword).RequireRateLimiting(RateLimits.SignIn);
        return api;
    }

    /// <summary>
    /// Always 202 with the same body, whether the address is new or has an account already (ADR-020): a new account
    /// gets the confirmation mail, the owner of an existing one a mail saying so with a link to set a new password.
    /// Bad input is 400 naming the field, as before.
    /// </summary>
    public static async Task<Accepted<RegistrationResponse>> Register(
        RegisterAccountRequest request,
        IValidator<RegisterAccountRequest> validator,
        IAccountService accounts,
        CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(request, cancellationToken);

        // The same registration as the web's page, so both refuse the same things the same way.
        var errors = await accounts.RegisterAsync(
            new NewAccount(request.Email, request.Password, request.DisplayName, request.ConfirmedAtLeast16, EmailConfirmed: false, Role: null),
            cancellationToken);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors.SelectMany(e => e.Value.Select(m => new ValidationFailure(e.Key, m))));
        }

        return TypedResults.Accepted((string?)null, new RegistrationResponse(
            "Wir haben dir eine E-Mail geschickt. Öffne den Link darin, um weiterzumachen."));
    }

    /// <summary>
    /// An unknown address, a wrong password and an unconfirmed account get the same 401 with the same body after the
    /// same work (ADR-020); the second-factor answers come only after the right password. Too many failures from one
    /// client for one address: 429 with <c>Retry-After</c>, for existing and unknown addresses alike.
    /// </summary>
    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(
        SignInRequest request, ISignInService signIn, HttpContext context, bool? useCookies)
    {
        SecondFactorCode? secondFactor = !string.IsNullOrWhiteSpace(request.TwoFactorCode) ? new(request.TwoFactorCode, IsRecoveryCode: false)
            : !string.IsNullOrWhiteSpace(request.RecoveryCode) ? new(request.RecoveryCode, IsRecoveryCode: true)
            : null;
        var result = await signIn.PasswordSignInAsync(new PasswordSignInRequest(
            request.Email ?? "",
            request.Password ?? "",
            Remember: true,
            BearerToken: useCookies != true,
            secondFactor));
        return result.Outcome switch
        {
            // The sign-in handler has written the token (or cookie) already.
            SignInOutcome.Succeeded => TypedResults.Empty,
            SignInOutcome.TooManyAttempts => TooManyAttempts(context, result.RetryAfter),
            SignInOutcome.RequiresSecondFactor => TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Zweiter Faktor erforderlich.",
                detail: "Dieses Konto ist mit einer Authenticator-App geschützt. Schick den sechsstelligen Code als twoFactorCode mit (oder einen Wiederherstellungscode als recoveryCode).",
                extensions: new Dictionary<string, object?> { ["reason"] = "second-factor-required" }),
            SignInOutcome.SecondFactorInvalid => TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Der Code stimmt nicht.",
                detail: "Der Code der Authenticator-App oder der Wiederherstellungscode ist falsch, abgelaufen oder schon benutzt.",
                extensions: new Dictionary<string, object?> { ["reason"] = "second-factor-invalid" }),
            SignInOutcome.LockedOut => TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Anmeldung fehlgeschlagen.",
                detail: "Zu viele falsche Codes: Das Konto ist für 15 Minuten gesperrt."),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Anmeldung fehlgeschlagen.",
                detail: SignInFailedDetail),
        };
    }

    /// <summary>The one answer for an unknown address, a wrong password and an address not yet confirmed.</summary>
    public const string SignInFailedDetail =
        "E-Mail-Adresse oder Passwort stimmen nicht. Wenn du dich gerade erst registriert hast, bestätige zuerst deine Adresse: Mit dem richtigen Passwort schicken wir dir den Link noch einmal.";

    /// <summary>The answer of the rate limiter (429, <c>Retry-After</c> in whole seconds), here for the per-address back-off.</summary>
    private static ProblemHttpResult TooManyAttempts(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Zu viele Versuche.",
            detail: "Bitte warte kurz und versuche es dann noch einmal.");
    }

    public static async Task<Results<SignInHttpResult, ChallengeHttpResult>> Refresh(
        RefreshRequest request,
        SignInManager<PlatformUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        ICurrentTenant tenant,
        TimeProvider clock)
    {
        var protector = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires
            || clock.GetUtcNow() >= expires
            || !TenantMatch.Matches(ticket.Principal, tenant)
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return TypedResults.Challenge();
        }

        // A fresh principal (roles may have changed) that keeps how the session was signed in, second factor included.
        var principal = await signIn.CreateUserPrincipalAsync(user);
        if (principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaims(ticket.Principal.Claims
                .Where(c => c.Type is SecondFactorRequirement.AuthenticationMethodReference or ClaimTypes.AuthenticationMethod)
                .Select(c => new Claim(c.Type, c.Value)));
        }

        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    public static async Task<NoContent> Logout(
        HttpContext context, SignInManager<PlatformUser> signIn, UserManager<PlatformUser> users)
    {
        if (await users.GetUserAsync(context.User) is { } user)
        {
            // Ends every refresh token and, at the next validation, every cookie of the account.
            await users.UpdateSecurityStampAsync(user);
        }

        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<AccountResponse>, UnauthorizedHttpResult>> Me(
        ClaimsPrincipal principal, UserManager<PlatformUser> users, IAuthorizationService authorization)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var secondFactor = await authorization.AuthorizeAsync(principal, PlatformPolicies.SecondFactor);
        return TypedResults.Ok(AccountResponse.From(user, [.. await users.GetRolesAsync(user)], secondFactor.Succeeded));
    }

    /// <summary>
    /// Confirms an address with the values of the mailed link (which opens the web page <c>email-bestaetigen</c>; this
    /// endpoint is for apps). A plain GET, so it also works when pasted into a browser.
    /// </summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> ConfirmEmail(
        string? userId, string? code, IAccountRecovery recovery, ICurrentTenant tenant, HttpContext context)
    {
        if (!await recovery.ConfirmEmailAsync(userId, code))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Der Bestätigungslink ist ungültig.",
                detail: "Vielleicht ist er abgelaufen oder nicht vollständig kopiert. Du kannst dir einen neuen Link schicken lassen.");
        }

        var name = WebUtility.HtmlEncode(tenant.Tenant?.DisplayName ?? BrandedEmail.PlatformName);
        var home = WebUtility.HtmlEncode(context.Request.PathBase.Add("/").Value);
        return TypedResults.Content(
            $"""
            <!DOCTYPE html>
            <html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>E-Mail-Adresse bestätigt – {name}</title></head>
            <body><main><h1>E-Mail-Adresse bestätigt</h1><p>Danke! Du kannst dich jetzt bei {name} anmelden.</p>
            <p><a href="{home}">Zur Startseite</a></p></main></body></html>
            """,
            "text/html; charset=utf-8");
    }

    /// <summary>Always 202: whether an unconfirmed account exists for the address is nobody else's business.</summary>
    public static async Task<Accepted> ResendConfirmation(
        AccountEmailRequest request, IValidator<AccountEmailRequest> validator, IAccountRecovery recovery)
    {
        await validator.ValidateAndThrowAsync(request);
        await recovery.RequestConfirmationAsync(request.Email);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>Always 202; a code goes out only to a confirmed address of an account in this tenant.</summary>
    public static async Task<Accepted> ForgotPassword(
        AccountEmailRequest request, IValidator<AccountEmailRequest> validator, IAccountRecovery recovery)
    {
        await validator.ValidateAndThrowAsync(request);
        await recovery.RequestPasswordResetAsync(request.Email);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<NoContent> ResetPassword(
        ResetPasswordRequest request, IValidator<ResetPasswordRequest> validator, IAccountRecovery recovery)
    {
        await validator.ValidateAndThrowAsync(request);
        var errors = await recovery.ResetPasswordAsync(request.Email, request.Code, request.NewPassword);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors.SelectMany(e => e.Value.Select(m => new ValidationFailure(e.Key, m))));
        }

        return TypedResults.NoContent();
    }
}
