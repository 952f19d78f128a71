using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Accounts;
using Platform.Application.Common;

namespace Platform.Application.Reminders;

/// <summary>How the signed-in person wants to be notified.</summary>
public sealed record GetNotificationSettingsQuery : IQuery<NotificationSettings>;

public sealed class GetNotificationSettingsHandler(IAppDbContext db, ICurrentUser user, IAccountService accounts, IPushSender push)
    : IQueryHandler<GetNotificationSettingsQuery, NotificationSettings>
{
    public async ValueTask<NotificationSettings> Handle(GetNotificationSettingsQuery query, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId;
        var account = await accounts.GetDataAsync(userId, cancellationToken) ?? throw new NotFoundException("Konto", userId);
        var preferences = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return NotificationSettingsView.From(preferences, account.ConfirmedAtLeast16, push.PublicKey);
    }
}
