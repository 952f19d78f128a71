using System.Globalization;
using System.Threading.RateLimiting;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Infrastructure.Cluster;
using Platform.Web;

namespace Platform.Api.Security;

/// <summary>Rate limits on sign-in, registration, the contact form and the network check's downloads, per tenant and client address (<c>Platform:RateLimits</c>).</summary>
public static class RateLimits
{
    /// <summary>Sign-in, registration and the other account calls of the API, and the sign-in and registration pages' form posts.</summary>
    public const string SignIn = RateLimitPolicies.SignIn;

    /// <summary>The public contact form, API and page: per tenant and client address, like sign-in (<c>ContactPerMinute</c>).</summary>
    public const string Contact = RateLimitPolicies.Contact;

    /// <summary>The anonymous "Hat dir das geholfen?" answers, API and post page form (<c>FeedbackPerMinute</c>).</summary>
    public const string Feedback = RateLimitPolicies.PostFeedback;

    public static IServiceCollection AddPlatformRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Platform:RateLimits:SignInPerMinute", 10);
        var contactPermits = configuration.GetValue("Platform:RateLimits:ContactPerMinute", 5);
        var feedbackPermits = configuration.GetValue("Platform:RateLimits:FeedbackPerMinute", 30);
        var networkCheckPermits = configuration.GetValue("Platform:RateLimits:NetworkCheckPerMinute", 10);
        services.AddRateLimiter(options =>
        {
            // The API's calls under it are all POSTs; the pages' GETs show the form and are not counted.
            options.AddPolicy(SignIn, context => SendingOnly(context, "sign-in", permits));

            // The contact and accessibility pages carry this policy too: only sending the form counts, not reading.
            options.AddPolicy(Contact, context => SendingOnly(context, "contact", contactPermits));

            // The account pages that send mail or check codes: their form posts count like API sign-in requests; showing
            // the page does not.
            options.AddPolicy(AccountPages.FormRateLimit, context => SendingOnly(context, "forms", permits));

            // A reader may answer several posts in a row; the post page's other form posts (Merken) count here too.
            options.AddPolicy(Feedback, context => SendingOnly(context, "feedback", feedbackPermits));

            // The Video-Check's downloads (one per check) count; its empty round trips do not.
            options.AddPolicy(RateLimitPolicies.NetworkCheck, context => context.Request.Query.ContainsKey("bytes")
                ? PerTenantAndClient(context, "network-check", networkCheckPermits)
                : RateLimitPartition.GetNoLimiter("ping"));
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

    /// <summary>A fixed window per tenant and client address; <paramref name="purpose"/> keeps the policies' counts apart.</summary>
    /// <remarks>In a cluster with Redis the window is the cluster's, not each node's (ADR-029).</remarks>
    private static RateLimitPartition<string> PerTenantAndClient(HttpContext context, string purpose, int permits) =>
        context.RequestServices.GetRequiredService<IRateLimitWindows>().FixedWindow(
            context.RequestServices.GetRequiredService<ICurrentTenant>().Tenant?.Id,
            $"{context.Connection.RemoteIpAddress}|{purpose}",
            permits,
            TimeSpan.FromMinutes(1));

    /// <summary>Only requests that send something count; showing a page (GET, HEAD) is never limited.</summary>
    private static RateLimitPartition<string> SendingOnly(HttpContext context, string purpose, int permits) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("read")
            : PerTenantAndClient(context, purpose, permits);
}
