using System.Globalization;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;
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

            await SendAsync(client, mime, message.To, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The recipient's domain is enough to trace a problem; the full address is personal data, and so is the
            // server's reply that often quotes it: neither reaches this line nor the job's own (ADR-030).
            var reason = EmailSendException.Describe(exception);
            LogSendFailed(logger, settings.Host, settings.Port, DomainOf(message.To), reason);
            throw new EmailSendException(reason);
        }
    }

    /// <summary>
    /// Sends over an open connection. An address with a non-ASCII local part goes out only with SMTPUTF8 (RFC 6531);
    /// without it no server could route it, so the attempt fails with a clear reason instead of a mangled address.
    /// </summary>
    internal static async Task SendAsync(SmtpClient client, MimeMessage mime, string to, CancellationToken cancellationToken)
    {
        if (!EmailAddressRules.HasInternationalLocalPart(to))
        {
            await client.SendAsync(mime, cancellationToken);
            return;
        }

        if (!client.Capabilities.HasFlag(SmtpCapabilities.UTF8))
        {
            throw new NotSupportedException("The SMTP server does not offer SMTPUTF8, which an address with non-ASCII characters before the @ needs.");
        }

        var international = FormatOptions.Default.Clone();
        international.International = true;
        await client.SendAsync(international, mime, cancellationToken);
    }

    internal static MimeMessage ToMime(EmailMessage message, EmailOptions settings)
    {
        var mime = new MimeMessage { Subject = message.Subject };

        // RFC 3834: sent by a machine, so auto-responders (out of office) stay quiet and no mail loop can start. A
        // team's answer was written by a person and is not marked.
        if (!message.WrittenByPerson)
        {
            mime.Headers.Add("Auto-Submitted", "auto-generated");
        }

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

        // The platform's own mail domain, never the machine's name, which MimeKit would use by default.
        var domain = MailDomain(settings);
        mime.MessageId = string.IsNullOrEmpty(message.MessageIdLocalPart)
            ? MimeUtils.GenerateMessageId(domain)
            : $"{message.MessageIdLocalPart}@{domain}";

        // RFC 5322 threading: the answered messages, so that mail clients show the exchange as one conversation.
        if (message.ReferencesLocalParts is { Count: > 0 } thread)
        {
            foreach (var part in thread)
            {
                mime.References.Add($"{part}@{domain}");
            }

            mime.InReplyTo = $"{thread[^1]}@{domain}";
        }

        var body = new BodyBuilder { TextBody = message.PlainTextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments ?? [])
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..];

    /// <summary>The domain of <see cref="EmailOptions.FromAddress"/>, IDN-encoded as a Message-ID needs it.</summary>
    internal static string MailDomain(EmailOptions settings)
    {
        var at = settings.FromAddress.LastIndexOf('@');
        var domain = at >= 0 ? settings.FromAddress[(at + 1)..].Trim().TrimEnd('>') : "";
        return domain.Length == 0 ? "plattform.localhost" : new IdnMapping().GetAscii(domain);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending an e-mail to a recipient at {Domain} through {Host}:{Port} failed: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string host, int port, string domain, string reason);
}
