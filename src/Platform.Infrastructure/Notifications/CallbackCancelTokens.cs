using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Platform.Application.ContactRequests;

namespace Platform.Infrastructure.Notifications;

/// <summary>
/// Cancel links of booked callbacks, protected with ASP.NET Core Data Protection like the unsubscribe links: the purpose
/// names the tenant, so a link of one jobcenter is worthless in another, and nobody can make one for a booking id.
/// </summary>
public sealed class CallbackCancelTokens(IDataProtectionProvider provider) : ICallbackCancelTokens
{
    private readonly ConcurrentDictionary<Guid, IDataProtector> _protectors = new();

    public string Create(Guid tenantId, Guid bookingId) => Protector(tenantId).Protect(bookingId.ToString("N"));

    public Guid? Read(Guid tenantId, string token)
    {
        try
        {
            return Guid.TryParseExact(Protector(tenantId).Unprotect(token), "N", out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private IDataProtector Protector(Guid tenantId) =>
        _protectors.GetOrAdd(tenantId, id => provider.CreateProtector("Platform.ContactRequests.CallbackCancel", id.ToString("N")));
}
