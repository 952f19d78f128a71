using System.Security.Claims;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Platform.Api.Infrastructure;
using Platform.Application.Common;
using Platform.Infrastructure.Identity;

namespace Platform.Api.Endpoints;

/// <summary>
/// Sign-in for the API under <c>/api/v1/auth</c>: bearer tokens (or the web cookie with <c>?useCookies=true</c>),
/// always inside the tenant the request resolved to. Writes are rate-limited.
/// </summary>
public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/register", Register).RequireRateLimiting(RateLimits.SignIn);
        auth.MapPost("/login", Login).RequireRateLimiting(RateLimits.SignIn);
        auth.MapPost("/refresh", Refresh).RequireRateLimiting(RateLimits.SignIn);
        auth.MapPost("/logout", Logout).RequireAuthorization();
        auth.MapGet("/me", Me).RequireAuthorization();
        return api;
    }

    public static async Task<Created<AccountResponse>> Register(
        RegisterAccountRequest request, IValidator<RegisterAccountRequest> validator, UserManager<PlatformUser> users, TimeProvider clock)
    {
        await validator.ValidateAndThrowAsync(request);
        var user = new PlatformUser
        {
            UserName = request.Email.Trim(),
            Email = request.Email.Trim(),
            DisplayName = request.DisplayName.Trim(),
            ConfirmedAtLeast16 = request.ConfirmedAtLeast16,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, request.Password);
        if (!result.Succeeded)
        {
            throw new ValidationException(result.Errors.Select(e => new ValidationFailure(FieldOf(e), e.Description)));
        }

        return TypedResults.Created("me", AccountResponse.From(user, []));
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(
        SignInRequest request, SignInManager<PlatformUser> signIn, bool? useCookies)
    {
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.Email?.Trim() ?? "", request.Password ?? "", isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // The sign-in handler has written the token (or cookie) already.
            return TypedResults.Empty;
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Anmeldung fehlgeschlagen.",
            detail: result.IsLockedOut
                ? "Zu viele Fehlversuche: Das Konto ist für 15 Minuten gesperrt."
                : "E-Mail-Adresse oder Passwort stimmen nicht.");
    }

    public static async Task<Results<SignInHttpResult, ChallengeHttpResult>> Refresh(
        Microsoft.AspNetCore.Identity.Data.RefreshRequest request,
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

        var principal = await signIn.CreateUserPrincipalAsync(user);
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
        ClaimsPrincipal principal, UserManager<PlatformUser> users)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        return TypedResults.Ok(AccountResponse.From(user, [.. await users.GetRolesAsync(user)]));
    }

    private static string FieldOf(IdentityError error) => error.Code switch
    {
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => nameof(RegisterAccountRequest.Password),
        _ when error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) => nameof(RegisterAccountRequest.Email),
        _ => "",
    };
}

public sealed record RegisterAccountRequest(string Email, string Password, string DisplayName, bool ConfirmedAtLeast16);

public sealed record SignInRequest(string? Email, string? Password);

public sealed record AccountResponse(Guid Id, string Email, string DisplayName, bool ConfirmedAtLeast16, IReadOnlyList<string> Roles)
{
    public static AccountResponse From(PlatformUser user, IReadOnlyList<string> roles) =>
        new(user.Id, user.Email ?? "", user.DisplayName, user.ConfirmedAtLeast16, roles);
}

public sealed class RegisterAccountRequestValidator : AbstractValidator<RegisterAccountRequest>
{
    public RegisterAccountRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().WithMessage("Bitte gib deine E-Mail-Adresse an.")
            .EmailAddress().WithMessage("Das ist keine gültige E-Mail-Adresse.")
            .MaximumLength(254);
        RuleFor(r => r.Password).NotEmpty().WithMessage("Bitte wähle ein Passwort.")
            .MinimumLength(PasswordRules.MinimumLength).WithMessage($"Das Passwort braucht mindestens {PasswordRules.MinimumLength} Zeichen.")
            .MaximumLength(PasswordRules.MaximumLength).WithMessage($"Das Passwort darf höchstens {PasswordRules.MaximumLength} Zeichen lang sein.");
        RuleFor(r => r.DisplayName).NotEmpty().WithMessage("Bitte gib einen Namen an, mit dem wir dich ansprechen dürfen.")
            .MaximumLength(60).WithMessage("Der Name darf höchstens 60 Zeichen lang sein.");
    }
}
