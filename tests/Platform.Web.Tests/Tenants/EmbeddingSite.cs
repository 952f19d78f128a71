using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.Web.Tests.Tenants;

/// <summary>
/// The jobcenter's own website in a browser test: a second origin (<c>http://127.0.0.1:{port}</c>, a port apart from
/// the platform's) whose pages are nothing but an <c>iframe</c> of an address on the platform. <c>GET /{name}</c> answers
/// the page registered under that name; anything else is a 404.
/// </summary>
internal sealed class EmbeddingSite : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Dictionary<string, Uri> _frames = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly Task _serving;

    private EmbeddingSite(HttpListener listener, Uri origin)
    {
        _listener = listener;
        Origin = origin;
        _serving = ServeAsync();
    }

    /// <summary>The site's origin as a TenantAdmin enters it, without a trailing slash.</summary>
    public Uri Origin { get; }

    public static EmbeddingSite Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new EmbeddingSite(listener, new Uri($"http://127.0.0.1:{port}"));
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Serves a page at <c>/{name}</c> that frames <paramref name="source"/>; returns its address.</summary>
    public Uri PageFraming(string name, Uri source)
    {
        lock (_lock)
        {
            _frames[name] = source;
        }

        return new Uri(Origin, name);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped while waiting for the next request.
        }

        _listener.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            Uri? source;
            lock (_lock)
            {
                _frames.TryGetValue(context.Request.Url?.AbsolutePath.TrimStart('/') ?? "", out source);
            }

            var response = context.Response;
            if (source is null)
            {
                response.StatusCode = 404;
                response.Close();
                continue;
            }

            var html = $"""
                <!DOCTYPE html>
                <html lang="de">
                <head><meta charset="utf-8"><title>Jobcenter-Website</title></head>
                <body>
                <h1>Unsere Website</h1>
                <iframe src="{WebUtility.HtmlEncode(source.AbsoluteUri)}" title="Neuigkeiten" width="360" height="480"></iframe>
                </body>
                </html>
                """;
            var body = Encoding.UTF8.GetBytes(html);
            response.StatusCode = 200;
            response.ContentType = "text/html; charset=utf-8";
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body);
            response.Close();
        }
    }
}
