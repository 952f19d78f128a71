using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Platform.Application.Common;

namespace Platform.Infrastructure.Email;

/// <summary>
/// Sends through the configured SMTP server with MailKit, one connection per message (account mails are rare; a
/// pooled connection would have to survive server-side idle timeouts). Failures are logged and thrown again, so
/// the job that sends retries.
/// </summary>
public sealed partial class SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var mime = ToMime(message, settings);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The recipient's domain is enough to trace a problem; the full address is personal data.
            LogSendFailed(logger, exception, settings.Host, settings.Port, DomainOf(message.To));
            throw;
        }
    }

    internal static MimeMessage ToMime(EmailMessage message, EmailOptions settings)
    {
        var mime = new MimeMessage { Subject = message.Subject };
        mime.From.Add(new MailboxAddress(message.SenderName ?? settings.FromName, settings.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (!string.IsNullOrWhiteSpace(message.ReplyTo))
        {
            mime.ReplyTo.Add(MailboxAddress.Parse(message.ReplyTo));
        }

        if (message.OneClickUnsubscribeUrl is { } oneClick)
        {
            // RFC 8058: the mail client's own button posts to this address, which unsubscribes without a page; a link
            // scanner that merely opens addresses unsubscribes nobody.
            mime.Headers.Add("List-Unsubscribe", $"<{oneClick.AbsoluteUri}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        if (!string.IsNullOrEmpty(message.MessageId))
        {
            mime.MessageId = message.MessageId;
        }

        mime.Body = new BodyBuilder { TextBody = message.PlainTextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    private static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending an e-mail to a recipient at {Domain} through {Host}:{Port} failed")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string host, int port, string domain);
}
