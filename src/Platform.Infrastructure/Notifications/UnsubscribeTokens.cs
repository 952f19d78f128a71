using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Platform.Application.Reminders;
using Platform.Domain.Reminders;

namespace Platform.Infrastructure.Notifications;

/// <summary>
/// Unsubscribe tokens protected with ASP.NET Core Data Protection; the purpose names the tenant, so a token of one
/// jobcenter is worthless in another. They do not expire: an old e-mail's link must still work.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider) : IUnsubscribeTokens
{
    private readonly ConcurrentDictionary<Guid, IDataProtector> _protectors = new();

    public string Create(Guid tenantId, UnsubscribeTarget target)
    {
        var payload = string.Join(
            '|',
            target.UserId?.ToString("N") ?? "",
            ((int)target.Channel).ToString(CultureInfo.InvariantCulture),
            target.PushSubscriptionId?.ToString("N") ?? "",
            target.Kind is { } kind ? ((int)kind).ToString(CultureInfo.InvariantCulture) : "");
        return Protector(tenantId).Protect(payload);
    }

    public UnsubscribeTarget? Read(Guid tenantId, string token)
    {
        string payload;
        try
        {
            payload = Protector(tenantId).Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        // Three parts in the links of messages sent before tokens carried the kind: those stand for the whole channel.
        var parts = payload.Split('|');
        if (parts.Length is not (3 or 4) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var channel)
            || !Enum.IsDefined((NotificationChannel)channel))
        {
            return null;
        }

        NotificationKind? kind = null;
        if (parts.Length == 4 && parts[3].Length > 0)
        {
            if (!int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var k) || !Enum.IsDefined((NotificationKind)k))
            {
                return null;
            }

            kind = (NotificationKind)k;
        }

        Guid? user = Guid.TryParseExact(parts[0], "N", out var u) ? u : null;
        Guid? subscription = Guid.TryParseExact(parts[2], "N", out var s) ? s : null;
        return user is null && subscription is null ? null : new UnsubscribeTarget(user, (NotificationChannel)channel, subscription, kind);
    }

    private IDataProtector Protector(Guid tenantId) =>
        _protectors.GetOrAdd(tenantId, id => provider.CreateProtector("Platform.Notifications.Unsubscribe", id.ToString("N")));
}
