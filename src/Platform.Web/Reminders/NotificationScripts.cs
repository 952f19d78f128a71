using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Platform.Web.Reminders;

/// <summary>
/// The tenant's scripts, served inside the tenant's path: <c>sw.js</c> there gets the tenant's scope (a worker's scope is
/// its own folder; it shows push messages and keeps read posts for offline reading), <c>js/push.js</c> subscribes to
/// push (<c>js/topic-push.js</c> without an account), <c>js/offline.js</c> registers the worker on every page. All same-origin files, so the strict
/// Content-Security-Policy holds.
/// </summary>
public static class NotificationScripts
{
    private static readonly Lazy<byte[]> ServiceWorker = new(() => Read("sw.js"));
    private static readonly Lazy<byte[]> Push = new(() => Read("push.js"));
    private static readonly Lazy<byte[]> Offline = new(() => Read("offline.js"));
    private static readonly Lazy<byte[]> TopicPush = new(() => Read("topic-push.js"));

    public static IEndpointRouteBuilder MapNotificationScripts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sw.js", (HttpContext context) => Script(context, ServiceWorker.Value, TimeSpan.Zero)).ExcludeFromDescription();
        endpoints.MapGet("/js/push.js", (HttpContext context) => Script(context, Push.Value, TimeSpan.FromHours(1))).ExcludeFromDescription();
        endpoints.MapGet("/js/topic-push.js", (HttpContext context) => Script(context, TopicPush.Value, TimeSpan.FromHours(1))).ExcludeFromDescription();
        endpoints.MapGet("/js/offline.js", (HttpContext context) => Script(context, Offline.Value, TimeSpan.FromHours(1))).ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Script(HttpContext context, byte[] content, TimeSpan maxAge)
    {
        context.Response.Headers.CacheControl = maxAge == TimeSpan.Zero ? "no-cache" : $"public, max-age={(int)maxAge.TotalSeconds}";
        return Results.Bytes(content, "text/javascript; charset=utf-8");
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Platform.Web.Scripts.{name}")
            ?? throw new InvalidOperationException($"The script {name} is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
