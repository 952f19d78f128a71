using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Application.Common;

namespace Platform.Api.Infrastructure;

/// <summary>Rate limits on sign-in and registration, per tenant and client address (<c>Platform:RateLimits</c>).</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    /// <summary>The public contact form, API and page: per tenant and client address, like sign-in (<c>ContactPerMinute</c>).</summary>
    public const string Contact = Platform.Web.RateLimitPolicies.Contact;

    public static IServiceCollection AddPlatformRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Platform:RateLimits:SignInPerMinute", 10);
        var contactPermits = configuration.GetValue("Platform:RateLimits:ContactPerMinute", 5);
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                $"{context.RequestServices.GetRequiredService<ICurrentTenant>().Tenant?.Id}|{context.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // The contact and accessibility pages carry this policy too: only sending the form counts, not reading.
            options.AddPolicy(Contact, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                    $"{context.RequestServices.GetRequiredService<ICurrentTenant>().Tenant?.Id}|{context.Connection.RemoteIpAddress}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = contactPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Zu viele Versuche.",
                    detail: "Bitte warte kurz und versuche es dann noch einmal.").ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}
