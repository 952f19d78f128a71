using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Common;

namespace Platform.Infrastructure.Email;

/// <summary>
/// Asks the configured SMTP server (EHLO) whether it offers SMTPUTF8, only for addresses that need it, and keeps the
/// answer for a while. A server that cannot be reached counts as not offering it: no promise the platform cannot keep.
/// </summary>
public sealed partial class SmtpAddressCheck(IOptions<EmailOptions> options, TimeProvider clock, ILogger<SmtpAddressCheck> logger) : IEmailAddressCheck, IDisposable
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim _probe = new(1, 1);
    private (bool OffersUtf8, DateTimeOffset Until)? _known;

    public async Task<bool> CanDeliverAsync(string address, CancellationToken cancellationToken) =>
        !EmailAddressRules.HasInternationalLocalPart(address) || await OffersSmtpUtf8Async(cancellationToken);

    private async Task<bool> OffersSmtpUtf8Async(CancellationToken cancellationToken)
    {
        if (_known is { } known && known.Until > clock.GetUtcNow())
        {
            return known.OffersUtf8;
        }

        await _probe.WaitAsync(cancellationToken);
        try
        {
            if (_known is { } again && again.Until > clock.GetUtcNow())
            {
                return again.OffersUtf8;
            }

            var settings = options.Value;
            bool offers;
            using var client = new SmtpClient { Timeout = (int)Math.Min(settings.Timeout.TotalMilliseconds, 10_000) };
            try
            {
                await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
                offers = client.Capabilities.HasFlag(SmtpCapabilities.UTF8);
                await client.DisconnectAsync(quit: true, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogProbeFailed(logger, exception, settings.Host, settings.Port);
                return false;
            }

            _known = (offers, clock.GetUtcNow() + KeepFor);
            return offers;
        }
        finally
        {
            _probe.Release();
        }
    }

    public void Dispose() => _probe.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask the SMTP server {Host}:{Port} for SMTPUTF8")]
    private static partial void LogProbeFailed(ILogger logger, Exception exception, string host, int port);
}
