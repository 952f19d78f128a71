using Mediator;
using Platform.Application.Audit;
using Platform.Application.Common;

namespace Platform.Application.Accounts;

public sealed record RemoveStaffCommand(Guid AccountId) : ICommand;

public sealed class RemoveStaffHandler(IAppDbContext db, IAccountService accounts, ICurrentTenant tenant, ICurrentUser actor, TimeProvider clock)
    : ICommandHandler<RemoveStaffCommand>
{
    public async ValueTask<Unit> Handle(RemoveStaffCommand command, CancellationToken cancellationToken)
    {
        var staff = await accounts.ListStaffAsync(cancellationToken);
        var member = staff.SingleOrDefault(s => s.Id == command.AccountId) ?? throw new NotFoundException("Mitarbeitende", command.AccountId);
        StaffRules.KeepOneTenantAdmin(staff, member, newRole: null);
        await accounts.DeleteAsync(member.Id, cancellationToken);
        db.Record(tenant.RequiredId, actor, clock, "staff.removed", member.Email);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
