using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Web.Resources;

namespace Platform.Web.Reminders;

/// <summary>
/// The tenant's scripts, served inside the tenant's path: <c>sw.js</c> there gets the tenant's scope (a worker's scope is
/// its own folder; it shows push messages and keeps read posts for offline reading), <c>js/push.js</c> subscribes to
/// push (<c>js/topic-push.js</c> without an account), <c>js/offline.js</c> registers the worker on every page. All same-origin files, so the strict
/// Content-Security-Policy holds. The worker is registered as <c>sw.js?lang=xx</c> in the page's language, and its
/// offline page is in that language.
/// </summary>
public static class NotificationScripts
{
    private static readonly Lazy<byte[]> ServiceWorker = new(() => Read("sw.js"));
    private static readonly Lazy<byte[]> Push = new(() => Read("push.js"));
    private static readonly Lazy<byte[]> Offline = new(() => Read("offline.js"));
    private static readonly Lazy<byte[]> TopicPush = new(() => Read("topic-push.js"));
    private static readonly ConcurrentDictionary<string, byte[]> Workers = new(StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapNotificationScripts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sw.js", (HttpContext context, string? lang) => Script(context, Worker(lang), TimeSpan.Zero)).ExcludeFromDescription();
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

    /// <summary>The worker with its offline page in <paramref name="language"/> (German for a language the platform does not offer).</summary>
    public static byte[] Worker(string? language)
    {
        var code = UiCultures.Languages.Any(l => l.Code == language) ? language! : UiCultures.Default;
        return Workers.GetOrAdd(code, Localize);
    }

    private static byte[] Localize(string code)
    {
        const string Marker = "const OFFLINE = ";
        var script = Encoding.UTF8.GetString(ServiceWorker.Value);
        var start = script.IndexOf(Marker, StringComparison.Ordinal);
        var end = start < 0 ? -1 : script.IndexOf("};", start, StringComparison.Ordinal) + 1;
        if (end <= 0)
        {
            throw new InvalidOperationException("sw.js has no line 'const OFFLINE = {…};' for the offline page's words.");
        }

        var culture = CultureInfo.GetCultureInfo(code);
        string Text(string key) => WebUtility.HtmlEncode(UiText.InCulture(key, culture));
        var words = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["lang"] = code,
            ["dir"] = culture.TextInfo.IsRightToLeft ? "rtl" : "ltr",
            ["title"] = Text("Offline.Title"),
            ["heading"] = Text("Offline.Heading"),
            ["text"] = Text("Offline.Text"),
        });
        return Encoding.UTF8.GetBytes(string.Concat(script.AsSpan(0, start + Marker.Length), words, script.AsSpan(end)));
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
