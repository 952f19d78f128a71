using Microsoft.Extensions.Options;
using Platform.Application.Common;
using Platform.Application.Reminders;

namespace Platform.Infrastructure.Notifications;

/// <summary>Links by path prefix on the configured public address: they work without a per-tenant host name.</summary>
public sealed class NotificationLinks(IOptions<NotificationOptions> options) : INotificationLinks
{
    public Uri Link(TenantInfo tenant, string path)
    {
        var root = options.Value.PublicBaseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/t/{tenant.Slug}/{path.TrimStart('/')}");
    }
}
