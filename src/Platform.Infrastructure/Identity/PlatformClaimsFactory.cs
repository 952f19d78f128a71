using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Platform.Application.Accounts;

namespace Platform.Infrastructure.Identity;

/// <summary>Every cookie and token carries the account's tenant, so a request in another tenant can be refused.</summary>
public sealed class PlatformClaimsFactory(
    UserManager<PlatformUser> userManager, RoleManager<PlatformRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PlatformUser, PlatformRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PlatformUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PlatformClaims.Tenant, user.TenantId.ToString("D", CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(PlatformClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
