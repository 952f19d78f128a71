using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.ContactRequests;

namespace Platform.Application.ContactRequests;

/// <summary>Deletes the current tenant's contact requests older than its retention period; returns how many.</summary>
public sealed record DeleteExpiredContactRequestsCommand : ICommand<int>;

public sealed class DeleteExpiredContactRequestsHandler(IAppDbContext db, ICurrentTenant current, TimeProvider clock)
    : ICommandHandler<DeleteExpiredContactRequestsCommand, int>
{
    public async ValueTask<int> Handle(DeleteExpiredContactRequestsCommand command, CancellationToken cancellationToken)
    {
        var tenantId = current.RequiredId;
        var days = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.ContactRetentionDays).SingleAsync(cancellationToken);
        var cutoff = ContactRequest.RetentionCutoff(days, clock.GetUtcNow().UtcDateTime);

        // The tenant filter applies to ExecuteDelete too: only this tenant's rows.
        return await db.ContactRequests.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
