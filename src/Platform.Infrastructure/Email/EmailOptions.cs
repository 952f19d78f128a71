using MailKit.Security;

namespace Platform.Infrastructure.Email;

/// <summary>The outgoing mail server, bound from <c>Platform:Email</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Platform:Email";

    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 2525;

    /// <summary>
    /// MailKit's <see cref="SecureSocketOptions"/>: <c>Auto</c> (TLS on port 465, STARTTLS when the server offers it),
    /// <c>StartTls</c> or <c>SslOnConnect</c> (refuse to send in clear text), <c>None</c> (a local test server).
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string FromAddress { get; set; } = "noreply@plattform.localhost";

    /// <summary>The sender's name where a message names none of its own (messages of a tenant carry the tenant's name).</summary>
    public string FromName { get; set; } = "Jobcenter-Plattform";

    /// <summary>Sign in to the server only when a user name is set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>How long one connect, command or transfer may take before the attempt fails (and its job retries).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
