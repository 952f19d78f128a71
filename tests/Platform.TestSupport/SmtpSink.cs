using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Platform.TestSupport;

/// <summary>
/// A small SMTP server on a free loopback port that keeps every message it receives. It speaks just enough SMTP
/// for a real client (MailKit in the app): HELO/EHLO without extensions, MAIL, RCPT, DATA with dot-unstuffing,
/// RSET, NOOP and QUIT. Without extensions the client sends 7-bit data, so reading bytes as Latin-1 is lossless.
/// Started with <c>offerSmtpUtf8</c> it announces 8BITMIME and SMTPUTF8 (RFC 6531) like a modern server, and reads
/// the envelope's addresses as UTF-8 (the message bytes stay exactly as sent). It counts every accepted message by the
/// local part of its Message-ID (<see cref="MessageIdCounts"/>, the platform sets it to the delivery's id) so that the
/// reminders benchmark (<c>bench/RemindersBench</c>, which links this file) can count duplicates and misses; started
/// without <c>keepMessages</c> it only counts, for a hundred thousand messages, and announces PIPELINING.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ReceivedMail> _received = [];
    private ConcurrentDictionary<string, int> _messageIds = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private Task _accepting = Task.CompletedTask;

    private readonly bool _offerSmtpUtf8;
    private readonly bool _keepMessages;

    private SmtpSink(TcpListener listener, bool offerSmtpUtf8, bool keepMessages) =>
        (_listener, _offerSmtpUtf8, _keepMessages) = (listener, offerSmtpUtf8, keepMessages);

    public string Host => ((IPEndPoint)_listener.LocalEndpoint).Address.ToString();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Everything received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>How many accepted messages carried each Message-ID (its local part, before the @).</summary>
    public IReadOnlyDictionary<string, int> MessageIdCounts => _messageIds;

    public static SmtpSink Start(bool offerSmtpUtf8 = false, bool keepMessages = true)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(512);
        var sink = new SmtpSink(listener, offerSmtpUtf8, keepMessages);
        sink._accepting = sink.AcceptAsync();
        return sink;
    }

    /// <summary>The messages received for <paramref name="address"/> so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> To(string address) =>
        [.. Received.Where(m => m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase))];

    /// <summary>Waits until <paramref name="count"/> messages for <paramref name="address"/> have arrived; returns the last.</summary>
    public async Task<ReceivedMail> WaitForMessageToAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        try
        {
            return await Eventually.EventuallyAsync(
                () => Task.FromResult(To(address) is { } messages && messages.Count >= count ? messages[count - 1] : null),
                $"message #{count} to {address}",
                timeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} Received for: [{string.Join(", ", Received.SelectMany(m => m.Recipients))}]", e);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _received.Clear();
        }

        _messageIds = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting for a connection.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            client.NoDelay = true;
            _ = Task.Run(() => ServeAsync(client, _stop.Token));
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using var connection = client;
        try
        {
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 127.0.0.1 SmtpSink ready");

            string? from = null;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" when !_keepMessages:
                        // The benchmark's sink is fast like Postfix: PIPELINING lets the client send MAIL, RCPT and
                        // DATA in one round trip (the replies still come in order, one line each).
                        await writer.WriteAsync("250-127.0.0.1\r\n250-PIPELINING\r\n250 8BITMIME\r\n");
                        break;
                    case "EHLO" when _offerSmtpUtf8:
                        await writer.WriteLineAsync("250-127.0.0.1");
                        await writer.WriteLineAsync("250-8BITMIME");
                        await writer.WriteLineAsync("250 SMTPUTF8");
                        break;
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 127.0.0.1");
                        break;
                    case "MAIL":
                        from = AddressIn(Envelope(line));
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT" when from is null:
                        await writer.WriteLineAsync("503 MAIL first");
                        break;
                    case "RCPT":
                        recipients.Add(AddressIn(Envelope(line)));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA" when recipients.Count == 0:
                        await writer.WriteLineAsync("503 RCPT first");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var (message, messageId) = await ReadDataAsync(reader, _keepMessages, cancellationToken);
                        if (messageId is not null)
                        {
                            _messageIds.AddOrUpdate(messageId, 1, (_, c) => c + 1);
                        }

                        if (message is not null)
                        {
                            lock (_lock)
                            {
                                _received.Add(new ReceivedMail(from!, [.. recipients], message));
                            }
                        }

                        (from, recipients) = (null, []);
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "RSET":
                        (from, recipients) = (null, []);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or ParseException)
        {
            // The client went away, the sink stopped, or the message was no MIME message: the client sees the
            // connection drop, and a test waiting for the message times out naming what did arrive.
        }
    }

    /// <summary>
    /// The message up to the final dot, parsed when <paramref name="keep"/>, and its Message-ID's local part. A message
    /// cut off by a dying client never reaches the final dot: it throws here, is not answered, and is not counted.
    /// </summary>
    private static async Task<(MimeMessage? Message, string? MessageId)> ReadDataAsync(StreamReader reader, bool keep, CancellationToken cancellationToken)
    {
        var data = new StringBuilder();
        string? messageId = null;
        var inHeaders = true;
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken) ?? throw new IOException("The client went away in DATA.");
            if (line == ".")
            {
                break;
            }

            if (inHeaders && line.Length == 0)
            {
                inHeaders = false;
            }
            else if (inHeaders && messageId is null && line.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase))
            {
                messageId = line["Message-ID:".Length..].Trim().Trim('<', '>').Split('@')[0];
            }

            if (keep)
            {
                data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
            }
        }

        if (!keep)
        {
            return (null, messageId);
        }

        using var bytes = new MemoryStream(Encoding.Latin1.GetBytes(data.ToString()));
        return (await MimeMessage.LoadAsync(bytes, cancellationToken), messageId);
    }

    /// <summary>An envelope line as text: UTF-8 where SMTPUTF8 was offered, else ASCII (read as Latin-1).</summary>
    private string Envelope(string line) => _offerSmtpUtf8 ? Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(line)) : line;

    /// <summary>"MAIL FROM:&lt;a@b&gt; BODY=7BIT" gives "a@b".</summary>
    private static string AddressIn(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}

/// <summary>One message as the sink received it: the envelope and the parsed MIME message.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> Recipients, MimeMessage Message)
{
    public string Subject => Message.Subject ?? "";

    public string Text => Message.TextBody ?? "";

    public string Html => Message.HtmlBody ?? "";
}
