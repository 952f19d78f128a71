using Microsoft.AspNetCore.Authorization;

namespace Platform.Api.Infrastructure;

/// <summary>Named authorization policies of the platform.</summary>
public static class PlatformPolicies
{
    /// <summary>The session was signed in with a second factor (<see cref="SecondFactorRequirement"/>); staff need it to publish.</summary>
    public const string SecondFactor = nameof(SecondFactor);

    public static IServiceCollection AddSecondFactorPolicy(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, SecondFactorHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(SecondFactor, p => p.RequireAuthenticatedUser().AddRequirements(new SecondFactorRequirement()));
        return services;
    }
}
