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
/// Content-Security-Policy holds. The worker carries its few words in every UI language; the pages tell it theirs.
/// </summary>
public static class NotificationScripts
{
    private static readonly Lazy<byte[]> ServiceWorker = new(Localize);
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

    /// <summary>
    /// The worker with its words (offline page, a push without title, the unsubscribe button) in every UI language, so
    /// that one worker serves a person whatever language they switch to (a second script address would replace it).
    /// </summary>
    private static byte[] Localize()
    {
        const string Marker = "const WORDS = ";
        var script = Encoding.UTF8.GetString(Read("sw.js"));
        var start = script.IndexOf(Marker, StringComparison.Ordinal);
        var end = start < 0 ? -1 : script.IndexOf("}};", start, StringComparison.Ordinal) + 2;
        if (end <= 1)
        {
            throw new InvalidOperationException("sw.js has no line 'const WORDS = {…};' for the worker's words.");
        }

        var words = UiCultures.Languages.ToDictionary(
            l => l.Code,
            l =>
            {
                var culture = CultureInfo.GetCultureInfo(l.Code);
                string Text(string key) => WebUtility.HtmlEncode(UiText.InCulture(key, culture));
                return new Dictionary<string, string>
                {
                    ["dir"] = culture.TextInfo.IsRightToLeft ? "rtl" : "ltr",
                    ["title"] = Text("Offline.Title"),
                    ["heading"] = Text("Offline.Heading"),
                    ["text"] = Text("Offline.Text"),
                    ["notification"] = Text("Push.NotificationTitle"),
                    ["unsubscribe"] = Text("Push.UnsubscribeAction"),
                };
            });
        return Encoding.UTF8.GetBytes(string.Concat(script.AsSpan(0, start + Marker.Length), JsonSerializer.Serialize(words), script.AsSpan(end)));
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
