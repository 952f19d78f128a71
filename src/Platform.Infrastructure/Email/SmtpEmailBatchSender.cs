using System.Net.Sockets;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using Platform.Application.Common;

namespace Platform.Infrastructure.Email;

/// <summary>
/// Many messages over one SMTP connection (the delivery engine's batches): connect and sign in once, send each message
/// as its own transaction, quit at the end.
/// </summary>
public sealed class SmtpEmailBatchSender(IOptions<EmailOptions> options) : IEmailBatchSender
{
    public async Task<IEmailBatch> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Without Nagle's algorithm: the end of each message is a small write, which would otherwise wait for the
            // server's delayed acknowledgement (about 40 ms per message on one connection).
            await socket.ConnectAsync(settings.Host, settings.Port, cancellationToken);
            await client.ConnectAsync(socket, settings.Host, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }

        return new Batch(client, settings);
    }

    private sealed class Batch(SmtpClient client, EmailOptions settings) : IEmailBatch
    {
        public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            using var mime = SmtpEmailSender.ToMime(message, settings);
            await SmtpEmailSender.SendAsync(client, mime, message.To, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception exception) when (exception is IOException or MailKit.ProtocolException or MailKit.Net.Smtp.SmtpCommandException)
            {
                // Everything was handed over already; a failed goodbye changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
