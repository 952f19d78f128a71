using Platform.Api.Security;
using Platform.Infrastructure.Identity;

namespace Platform.Api.Endpoints.Accounts;

/// <remarks><paramref name="SecondFactor"/>: this session was signed in with a second factor (<see cref="PlatformPolicies.SecondFactor"/>).</remarks>
public sealed record AccountResponse(
    Guid Id, string Email, string DisplayName, bool ConfirmedAtLeast16, IReadOnlyList<string> Roles, bool SecondFactor = false)
{
    public static AccountResponse From(PlatformUser user, IReadOnlyList<string> roles, bool secondFactor) =>
        new(user.Id, user.Email ?? "", user.DisplayName, user.ConfirmedAtLeast16, roles, secondFactor);
}
