using Microsoft.AspNetCore.Authorization;

namespace Platform.Api.Security;

public sealed class SecondFactorHandler : AuthorizationHandler<SecondFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SecondFactorRequirement requirement)
    {
        if (SecondFactorRequirement.IsMetBy(context.User))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
