using System.Security.Claims;
using Platform.Application.Accounts;
using Platform.Application.Common;

namespace Platform.Api.Security;

/// <summary>The signed-in account of the HTTP request; outside a request (jobs) nobody is signed in.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public Guid? Id => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string DisplayName => Principal?.FindFirstValue(PlatformClaims.DisplayName) ?? "";

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
}
