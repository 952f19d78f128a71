using System.Text.RegularExpressions;
using MailKit.Net.Smtp;

namespace Platform.Infrastructure.Email;

/// <summary>
/// An e-mail could not be sent. Thrown instead of the mail library's exception, whose message often quotes the mail
/// server's reply, and with it the recipient's address, into the job's log line (ADR-030): this one keeps the kind of
/// failure and the SMTP status, with any address in the reply replaced.
/// </summary>
public sealed partial class EmailSendException : Exception
{
    public EmailSendException()
    {
    }

    public EmailSendException(string message)
        : base(message)
    {
    }

    public EmailSendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The failure without personal data: exception type, SMTP status if any, the reply without addresses.</summary>
    public static string Describe(Exception exception)
    {
        var status = exception is SmtpCommandException command ? $" SMTP {(int)command.StatusCode}" : "";
        return $"{exception.GetType().Name}{status}: {Redact(exception.Message)}";
    }

    /// <summary>Replaces every e-mail address in <paramref name="text"/> with <c>[address]</c>.</summary>
    public static string Redact(string text) => Address().Replace(text, "[address]");

    [GeneratedRegex(@"[^\s<>""'(),;:]+@[^\s<>""'(),;]+", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
