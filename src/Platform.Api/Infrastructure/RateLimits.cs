using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Application.Accounts;
using Platform.Application.Common;

namespace Platform.Api.Infrastructure;

/// <summary>Rate limits on sign-in and registration, per tenant and client address (<c>Platform:RateLimits</c>).</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    public static IServiceCollection AddPlatformRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Platform:RateLimits:SignInPerMinute", 10);
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                $"{context.RequestServices.GetRequiredService<ICurrentTenant>().Tenant?.Id}|{context.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // The account pages that send mail or check codes: their form posts count like API sign-in requests; showing
            // the page does not.
            options.AddPolicy(AccountPages.FormRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    $"{context.RequestServices.GetRequiredService<ICurrentTenant>().Tenant?.Id}|{context.Connection.RemoteIpAddress}|forms",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("get"));
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
