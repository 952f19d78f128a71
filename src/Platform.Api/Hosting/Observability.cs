using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Platform.Application.Common;
using Platform.Infrastructure.Jobs;
using Platform.Infrastructure.Persistence;
using Platform.Infrastructure.Tenancy;

namespace Platform.Api.Hosting;

/// <summary>
/// Traces, metrics and logs (ADR-030): OpenTelemetry with the ASP.NET Core, HttpClient, EF Core and Npgsql
/// instrumentation and the platform's own meter; OTLP export configured only by the standard <c>OTEL_*</c> variables
/// (off while <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is unset); a Prometheus scrape on the management port; the tenant
/// and the trace in every log line.
/// </summary>
public static class Observability
{
    private const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static ManagementOptions? AddPlatformObservability(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var management = builder.AddManagementListener();
        var exportOtlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);

        // Trace and span ids as a scope of every line written inside a request or a job (JSON: "Scopes").
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win; without them the service is "platform".
                if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService("platform");
                }
            })
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(JobActivityFilter.SourceName)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context =>
                        !context.Request.Path.StartsWithSegments("/health") && !IsManagement(context, management))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();

                // Npgsql traces PostgreSQL's commands itself. EF Core's instrumentation there only filtered them out
                // again, and while it listens EF Core builds an event for every command, connection and reader
                // (~2 % of the host's CPU under uncached feed requests, perf): it is added for the other providers only.
                if ((configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions()).Provider != DatabaseProvider.PostgreSql)
                {
                    tracing.AddEntityFrameworkCoreInstrumentation();
                }

                if (!exportOtlp)
                {
                    // Nothing to send spans to: activities still carry ids (for the logs and traceparent), unrecorded.
                    tracing.SetSampler(new AlwaysOffSampler());
                }
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(PlatformMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddMeter("System.Runtime");
                if (management is not null)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (exportOtlp)
        {
            // Endpoint, protocol, headers, service name and resource attributes: all from the OTEL_* variables.
            telemetry.WithLogging(configureBuilder: null, configureOptions: o => o.IncludeScopes = true);
            telemetry.UseOtlpExporter();
        }

        return management;
    }

    /// <summary>
    /// Around the whole request, error handling included: the tenant (once resolved) in every log line. Runs first.
    /// </summary>
    public static IApplicationBuilder UseTenantLogScope(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Requests");
        return app.Use(async (context, next) =>
        {
            using (logger.BeginScope(new TenantLogScope(() => context.RequestServices?.GetService<ICurrentTenant>()?.Tenant)))
            {
                await next(context);
            }
        });
    }

    /// <summary>After tenant resolution: counts the request for its tenant and tags its span and HTTP metrics with the tenant id.</summary>
    public static IApplicationBuilder UseTenantTelemetry(this IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetRequiredService<PlatformMetrics>();
        return app.Use(async (context, next) =>
        {
            if (context.RequestServices.GetRequiredService<ICurrentTenant>().Tenant is { } tenant)
            {
                var tag = PlatformMetrics.Tenant(tenant.Id);
                metrics.Request(tenant.Id);
                context.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(tag);
                context.Features.Get<IHttpActivityFeature>()?.Activity.SetTag(tag.Key, tag.Value);
            }

            await next(context);
        });
    }

    /// <summary>
    /// Requests on the management port get the Prometheus scrape and nothing else; they never reach the tenant
    /// pipeline. On every other port the scrape path does not exist.
    /// </summary>
    public static IApplicationBuilder UseManagementEndpoint(this IApplicationBuilder app, ManagementOptions? management)
    {
        if (management is null)
        {
            return app;
        }

        return app.MapWhen(
            context => IsManagement(context, management),
            branch =>
            {
                branch.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Request.Path == management.MetricsPath);
                branch.Run(context =>
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                });
            });
    }

    private static bool IsManagement(HttpContext context, ManagementOptions? management) =>
        management?.Port is { } port && context.Connection.LocalPort == port;

    /// <summary>
    /// Adds the management port as a Kestrel endpoint of its own. Endpoints configured in code or in <c>Kestrel:Endpoints</c>
    /// replace the URLs (<c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>, the default <c>http://localhost:5000</c>),
    /// so unless the operator configured endpoints, those URLs become configured endpoints beside it.
    /// </summary>
    private static ManagementOptions? AddManagementListener(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var management = configuration.GetSection(ManagementOptions.Section).Get<ManagementOptions>();
        if (management?.Port is not { } port)
        {
            return null;
        }

        var endpoints = new Dictionary<string, string?>();
        if (!configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            var index = 0;
            foreach (var url in PublicUrls(configuration))
            {
                endpoints[$"Kestrel:Endpoints:Public{index++}:Url"] = url;
            }
        }

        configuration.AddInMemoryCollection(endpoints);

        // The management endpoint itself is configured in code: code endpoints are bound beside configured ones and
        // beside any a host adds in code (a test's Kestrel on port 0).
        var address = management.Address is "*" or "+" ? IPAddress.IPv6Any : IPAddress.Parse(management.Address);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, port));
        return management;
    }

    private static IEnumerable<string> PublicUrls(ConfigurationManager configuration)
    {
        var separators = new[] { ';', ',' };
        const StringSplitOptions Split = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        if (configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls)
        {
            return urls.Split(separators, Split);
        }

        var http = (configuration["HTTP_PORTS"] ?? "").Split(separators, Split).Select(p => $"http://*:{p}");
        var https = (configuration["HTTPS_PORTS"] ?? "").Split(separators, Split).Select(p => $"https://*:{p}");
        var ports = http.Concat(https).ToList();
        return ports.Count > 0 ? ports : ["http://localhost:5000"];
    }
}
