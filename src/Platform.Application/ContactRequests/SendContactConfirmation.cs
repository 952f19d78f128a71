using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Resources;

namespace Platform.Application.ContactRequests;

/// <summary>
/// Mails the person who sent a contact request that it arrived. Returns false when there is nothing to confirm: the
/// request left no address, or was deleted (by staff or retention) before this ran.
/// </summary>
public sealed record SendContactConfirmationCommand(Guid ContactRequestId) : ICommand<bool>;

public sealed class SendContactConfirmationHandler(IAppDbContext db, ICurrentTenant tenant, IEmailSender email)
    : ICommandHandler<SendContactConfirmationCommand, bool>
{
    public async ValueTask<bool> Handle(SendContactConfirmationCommand command, CancellationToken cancellationToken)
    {
        var request = await db.ContactRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.ContactRequestId, cancellationToken);
        if (request is not { Email.Length: > 0 })
        {
            return false;
        }

        // Its Message-ID is the root of the thread the team's answers refer to (SendContactAnswerHandler).
        var confirmation = ContactConfirmationEmail.Compose(tenant.Tenant, request.Email, request.Type, EmailText.Culture(request.Language));
        await email.SendAsync(confirmation with { MessageIdLocalPart = request.ThreadMessageIdLocalPart }, cancellationToken);
        return true;
    }
}
