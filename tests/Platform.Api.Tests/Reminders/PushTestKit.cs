using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Api.Tests.Reminders;

/// <summary>A browser's push keys: a P-256 key pair and a 16-byte auth secret; decrypts what the service received.</summary>
internal sealed class BrowserKeys : IDisposable
{
    private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _auth = RandomNumberGenerator.GetBytes(16);

    public string PublicKey => Base64Url(PublicBytes(_key));

    public string Auth => Base64Url(_auth);

    public string Decrypt(byte[] body)
    {
        // RFC 8188 header: salt (16), record size (4), key id length (1), key id (the sender's public key).
        var salt = body[..16];
        var idLength = body[20];
        var senderKey = body[21..(21 + idLength)];
        var ciphertext = body[(21 + idLength)..];
        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = senderKey[1..33], Y = senderKey[33..65] },
        });
        var shared = _key.DeriveRawSecretAgreement(sender.PublicKey);

        // RFC 8291: the input keying material from the auth secret and both public keys, then RFC 8188's key and nonce.
        var keyInfo = Encoding.ASCII.GetBytes("WebPush: info\0").Concat(PublicBytes(_key)).Concat(senderKey).ToArray();
        var ikm = HKDF.Expand(HashAlgorithmName.SHA256, HKDF.Extract(HashAlgorithmName.SHA256, shared, _auth), 32, keyInfo);
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
        var cek = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0"));
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, Encoding.ASCII.GetBytes("Content-Encoding: nonce\0"));
        var plain = new byte[ciphertext.Length - 16];
        using var aes = new AesGcm(cek, 16);
        aes.Decrypt(nonce, ciphertext[..^16], ciphertext[^16..], plain);

        // The last record ends with the delimiter 2, then padding zeros.
        var end = Array.LastIndexOf(plain, (byte)2);
        return Encoding.UTF8.GetString(plain, 0, end);
    }

    public void Dispose() => _key.Dispose();

    private static byte[] PublicBytes(ECDiffieHellman key)
    {
        var q = key.ExportParameters(false).Q;
        return [0x04, .. q.X!, .. q.Y!];
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// A push service on loopback: records every request and answers 201 Created, as real services do, or the status
/// (and <c>Location</c>) it is started with.
/// </summary>
internal sealed class PushService : IAsyncDisposable
{
    private readonly int _status;
    private readonly Uri? _location;
    private readonly HttpListener _listener;
    private readonly List<RecordedPush> _requests = [];
    private readonly Lock _lock = new();
    private readonly Task _serving;

    private PushService(HttpListener listener, Uri endpoint, int status, Uri? location)
    {
        _status = status;
        _location = location;
        _listener = listener;
        Endpoint = endpoint;
        _serving = ServeAsync();
    }

    public Uri Endpoint { get; }

    public IReadOnlyList<RecordedPush> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public static PushService Start(int status = 201, Uri? location = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new PushService(listener, new Uri($"http://127.0.0.1:{port}/push/{Guid.NewGuid():N}"), status, location);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
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

    internal static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            lock (_lock)
            {
                _requests.Add(new RecordedPush(context.Request.Url!, headers, body.ToArray()));
            }

            context.Response.StatusCode = _status;
            if (_location is not null)
            {
                context.Response.RedirectLocation = _location.AbsoluteUri;
            }

            context.Response.Close();
        }
    }
}

internal sealed record RecordedPush(Uri Url, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>A TCP listener on loopback that only counts the connections made to it (TLS or not).</summary>
internal sealed class ConnectionProbe : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _accepting;
    private int _connections;

    public ConnectionProbe()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Stopped while waiting for the next connection.
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            using var client = await _listener.AcceptTcpClientAsync();
            Interlocked.Increment(ref _connections);
        }
    }
}
