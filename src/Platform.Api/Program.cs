using System.Globalization;
using FluentValidation;
using Hangfire;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Platform.Api.Endpoints;
using Platform.Api.Endpoints.Accounts;
using Platform.Api.Endpoints.Posts;
using Platform.Api.Errors;
using Platform.Api.Hosting;
using Platform.Api.Http;
using Platform.Api.OpenApi;
using Platform.Api.Security;
using Platform.Api.Tenancy;
using Platform.Application;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Infrastructure;
using Platform.Infrastructure.Cluster;
using Platform.Infrastructure.Jobs;
using Platform.Infrastructure.Notifications;
using Platform.Infrastructure.Persistence;
using Platform.Infrastructure.Tenancy;
using Platform.Web;
using Platform.Web.Accounts;
using Platform.Web.Components;
using Platform.Web.Posts;
using Platform.Web.Reminders;
using Platform.Web.Tenants;
using Platform.Web.Tools;
using Scalar.AspNetCore;

var migrateOnly = MigrateOnly.Requested(args);
var builder = WebApplication.CreateBuilder(MigrateOnly.WithoutSwitch(args));
var roles = PlatformRoles.From(builder.Configuration);
var management = builder.AddPlatformObservability();

builder.Services.AddApplication();
builder.Services.AddValidatorsFromAssemblyContaining<RegisterAccountRequestValidator>(ServiceLifetime.Singleton);
builder.Services.AddPlatformRateLimits(builder.Configuration);
builder.Services.AddPlatformPolicies();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment, runJobServer: roles.Jobs && !migrateOnly);
builder.Services.AddPlatformWeb();

builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => RequestJson.Configure(o.SerializerOptions));
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddPlatformOpenApi();
builder.Services.AddPlatformCompression();
var outputCacheEnabled = builder.Configuration.GetValue("Platform:OutputCache:Enabled", defaultValue: true);
builder.Services.AddOutputCache(options =>
{
    options.AddBasePolicy(HttpCaching.LifetimeRecorder);
    // Short enough that a newly published post shows within a second, long enough to absorb a burst of readers.
    options.AddPolicy(CachePolicies.Feed, policy => PerTenantAndLanguage(policy
        .Expire(CachePolicies.FeedDuration)
        .SetVaryByQuery("page", "pageSize", "topic", "after", "suche")));
    options.AddPolicy(CachePolicies.Compact, policy => PerTenantAndLanguage(policy
        .Expire(CachePolicies.FeedDuration)
        .SetVaryByQuery("topic", "count")
        .Tag(LinkPageEndpoints.CacheTag)));

    static OutputCachePolicyBuilder PerTenantAndLanguage(OutputCachePolicyBuilder policy) => policy
        .VaryByValue(context => new KeyValuePair<string, string>(
            "tenant", context.RequestServices.GetRequiredService<ICurrentTenant>().Tenant?.Id.ToString() ?? "-"))
        .VaryByValue(context => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name));
});

var tenancy = builder.Configuration.GetSection(TenancyOptions.Section).Get<TenancyOptions>() ?? new TenancyOptions();
builder.Services.Configure<ForwardedHeadersOptions>(options =>
{
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
    options.KnownIPNetworks.Clear();
    options.KnownProxies.Clear();
    foreach (var network in tenancy.TrustedProxyNetworks())
    {
        options.KnownIPNetworks.Add(network);
    }
});

// Every cookie (sign-in, antiforgery, language, passkey state) is Secure whenever the request came over HTTPS,
// including through a trusted proxy that says so in X-Forwarded-Proto (ADR-021).
builder.Services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.SameAsRequest);
builder.Services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

// Authorisation before body checks: routing would otherwise answer a request whose Content-Type does not fit the
// endpoint with a 415 of its own, before the authorisation middleware could say 401 or 403 (ADR-021). Without this
// policy the endpoint itself is selected, authorisation runs, and only then does its body binding refuse the type.
// No two endpoints here share a route and differ by content type, which is all this policy is needed for.
foreach (var accepts in builder.Services.Where(d => d.ServiceType == typeof(MatcherPolicy)
    && d.ImplementationType?.FullName == "Microsoft.AspNetCore.Routing.Matching.AcceptsMatcherPolicy").ToList())
{
    builder.Services.Remove(accepts);
}

var app = builder.Build();
if (migrateOnly)
{
    var exitCode = await MigrateOnly.RunAsync(app);

    // The console logger writes from a queue of its own: disposing the app waits until every line is out, which a
    // bare return did not (with 17 migrations the "Database migrated" line was lost at exit).
    await app.DisposeAsync();
    return exitCode;
}

await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

// First: the tenant in every log line of a request, and the management port answered before anything tenant-facing.
app.UseTenantLogScope();
app.UseManagementEndpoint(management);

if (tenancy.TrustedProxyNetworks() is { Count: > 0 } trusted)
{
    // X-Forwarded-* headers are read only on connections from a configured proxy; from anyone else they are ignored.
    app.UseWhen(
        context => context.Connection.RemoteIpAddress is { } remote
            && trusted.Any(network => network.Contains(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)),
        proxied => proxied.UseForwardedHeaders());
}

app.UseCookiePolicy();
// HEAD is GET without the body, for every endpoint at once; then compression, around everything that writes a body.
app.UseHeadAsGet();
app.UseResponseCompression();

// Before the error pages, so a re-executed not-found page keeps the language the original request asked for.
app.UseRequestLocalization(UiCultures.RequestLocalizationOptions());
app.UseExceptionHandler();
// Bodiless errors: problem+json for the API, the not-found page for people. Decided per error, not here: at this point
// a /t/{slug}/api/... request has not yet had its tenant prefix moved into PathBase.
app.UseErrorStatusCodePages(servesPages: roles.Web, notFoundPage: "/not-found");
app.UseSecurityHeaders();
app.UseApiReferencePolicy();
app.UseMiddleware<TenantResolutionMiddleware>();
app.UseTenantTelemetry();
app.UseDotSegmentGuard();
app.UseRouting();
app.UseAuthentication();
app.UseTenantMatch();
app.UseSecurityStampCheck();
app.UseSameOriginGuard();
app.UseTenantStatusGate();

// After authentication, so the cache knows who is signed in (their pages are never cached), and after the status
// gate, so a suspended or onboarding jobcenter is never served from cache.
app.UseCacheHeaders();
if (outputCacheEnabled)
{
    app.UseOutputCache();
}

app.UseEntityTags();

app.UseAuthorization();
app.UseRateLimiter();
app.UseTextInputGuard();
app.UseAntiforgery();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
// Ready means "can serve": a Degraded check takes the node out of the balancer too (ADR-029). The status page is for
// operators: what is wrong without stopping the node, such as an overdue scheduled post or Redis away.
app.MapHealthChecks("/health/ready", new HealthCheckOptions
{
    Predicate = check => check.Tags.Contains(HealthTags.Ready),
    ResponseWriter = HealthResponse.WriteAsync,
    ResultStatusCodes =
    {
        [HealthStatus.Healthy] = StatusCodes.Status200OK,
        [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
        [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
    },
});
app.MapHealthChecks("/health/status", new HealthCheckOptions
{
    Predicate = check => check.Tags.Contains(HealthTags.Status),
    ResponseWriter = HealthResponse.WriteAsync,
});

if (roles.Api)
{
    app.MapOpenApi();
    // Served from the platform alone: the bundled script, no fonts from Scalar's CDN, no telemetry, no AI agent.
    app.MapScalarApiReference(options => options
        .WithTitle("Jobcenter-Plattform API")
        .DisableDefaultFonts()
        .DisableTelemetry()
        .DisableAgent()
        .DisableMcp());
    var api = app.MapGroup("/api/v1");
    api.MapAccountsEndpoints().MapTenantsEndpoints();
    // The order of these calls is the order of the paths and tags in the OpenAPI document: the areas of a feature are
    // mapped where its endpoints stood before the endpoints were grouped by feature, so the document stays the same.
    api.MapGroup("").AddEndpointFilter<RequireTenantFilter>().WithMetadata(new RequiresTenantMetadata())
        .MapPostsEndpoints()
        .MapTenantSettingsEndpoints()
        .MapStaffEndpoints()
        .MapAuditEndpoints()
        .MapTopicsEndpoints()
        .MapRemindersEndpoints()
        .MapContactRequestsEndpoints()
        .MapEditorialEndpoints()
        .MapPinnedLinksEndpoints()
        .MapEventsEndpoints()
        .MapLibraryEndpoints()
        .MapBookmarksEndpoints();
}

if (roles.Web)
{
    app.MapStaticAssets();
    app.MapBrandingEndpoints();
    app.MapSyndicationEndpoints().CacheOutput(CachePolicies.Feed);
    app.MapLinkPage().CacheOutput(CachePolicies.Compact);
    app.MapPostFeedbackForm();
    app.MapEmbedPage().CacheOutput(CachePolicies.Compact);
    app.MapLanguageSwitch();
    app.MapPasskeyEndpoints();
    app.MapNotificationScripts();
    app.MapNetworkCheck();
    app.MapRazorComponents<App>();
}

// PlatformAdmins only: anonymous visitors are sent to sign in, everyone else is refused (ADR-009, ADR-011).
app.MapHangfireDashboard("/jobs", new DashboardOptions { DashboardTitle = "Jobs", Authorization = [] })
    .RequireAuthorization(PlatformPolicies.PlatformAdmin);
if (roles.Jobs)
{
    var jobs = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
    app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<PublishOverduePostsJob>(
        PublishOverduePostsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), jobs.CatchUpCron);

    // The delivery engine: each run polls for about a minute, the next run follows; the first starts at once.
    var notifications = app.Services.GetRequiredService<IOptions<NotificationOptions>>().Value;
    var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
    recurring.AddOrUpdate<DeliverNotificationsJob>(
        DeliverNotificationsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), notifications.Cron);
    recurring.Trigger(DeliverNotificationsJob.RecurringJobId);
    recurring.AddOrUpdate<DeleteExpiredContactRequestsJob>(
        DeleteExpiredContactRequestsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), jobs.ContactRetentionCron);
    recurring.AddOrUpdate<SendStaffDigestsJob>(
        SendStaffDigestsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), jobs.StaffDigestCron,
        new RecurringJobOptions { TimeZone = BerlinTime.Zone });
    if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Sqlite)
    {
        recurring.AddOrUpdate<OptimizeSqliteJob>(
            OptimizeSqliteJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), jobs.SqliteOptimizeCron);
    }
}

app.Lifetime.ApplicationStarted.Register(() => PrintUrls(app));
await app.RunAsync();
return 0;

static void PrintUrls(WebApplication app)
{
    var addresses = app.Services.GetRequiredService<IServer>()
        .Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault();
    if (address is null)
    {
        return;
    }

    var root = new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal));
    var port = root.IsDefaultPort ? "" : ":" + root.Port.ToString(CultureInfo.InvariantCulture);
    var baseHost = app.Services.GetRequiredService<IOptions<TenancyOptions>>().Value.BaseHost;
    Console.WriteLine($"""

        Jobcenter-Plattform läuft:
          Startseite (Jobcenter wählen):  {root.Scheme}://{baseHost}{port}/
          Groß-Gerau:                      {root.Scheme}://gross-gerau.{baseHost}{port}/   oder   {root.Scheme}://{baseHost}{port}/t/gross-gerau/
          Offenbach:                       {root.Scheme}://offenbach.{baseHost}{port}/   oder   {root.Scheme}://{baseHost}{port}/t/offenbach/
          API:                             {root.Scheme}://{baseHost}{port}/t/gross-gerau/api/v1/posts
          API-Referenz:                    {root.Scheme}://{baseHost}{port}/scalar/v1
          Jobs (Hangfire):                 {root.Scheme}://{baseHost}{port}/jobs
        """);
}

/// <summary>Entry point; public for WebApplicationFactory in the tests.</summary>
public partial class Program;
