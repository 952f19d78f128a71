using Mediator;
using Platform.Application.Common;

namespace Platform.Application.Audit;

/// <summary>
/// Writes one entry into the current tenant's audit log, for platform actions that change a jobcenter from outside
/// it (onboarding, a status change): they send this as the tenant through <see cref="ITenantScopeRunner"/>.
/// </summary>
public sealed record RecordAuditEntryCommand(string Action, string Details) : ICommand;

public sealed class RecordAuditEntryHandler(IAppDbContext db, ICurrentTenant tenant, ICurrentUser actor, TimeProvider clock)
    : ICommandHandler<RecordAuditEntryCommand>
{
    public async ValueTask<Unit> Handle(RecordAuditEntryCommand command, CancellationToken cancellationToken)
    {
        db.Record(tenant.RequiredId, actor, clock, command.Action, command.Details);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
