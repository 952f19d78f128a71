using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;

namespace Platform.Application.ContactRequests;

/// <summary>
/// Mails the confirmation of a booked callback with its .ics. False when there is nothing to confirm: no address, or the
/// booking was cancelled or deleted before this ran.
/// </summary>
public sealed record SendCallbackConfirmationCommand(Guid BookingId) : ICommand<bool>;

public sealed class SendCallbackConfirmationHandler(
    IAppDbContext db, ICurrentTenant tenant, IEmailSender email, ICallbackCancelTokens tokens, ITenantLinks links, TimeProvider clock)
    : ICommandHandler<SendCallbackConfirmationCommand, bool>
{
    public async ValueTask<bool> Handle(SendCallbackConfirmationCommand command, CancellationToken cancellationToken)
    {
        var info = tenant.Tenant ?? throw new TenantRequiredException();
        var booking = await db.CallbackBookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == command.BookingId, cancellationToken);
        if (booking is not { Email.Length: > 0, CancelledAt: null })
        {
            return false;
        }

        var cancel = CallbackEmails.CancelLink(links, tokens, info, booking.Id);
        await email.SendAsync(CallbackEmails.Confirmation(info, booking, cancel, clock.GetUtcNow().UtcDateTime), cancellationToken);
        return true;
    }
}
