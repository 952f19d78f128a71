using FluentValidation;
using Mediator;
using Platform.Application.Audit;
using Platform.Application.Common;

namespace Platform.Application.Accounts;

/// <summary>Changes a colleague's role; the last TenantAdmin cannot give up the role.</summary>
public sealed record ChangeStaffRoleCommand(Guid AccountId, string Role) : ICommand;

public sealed class ChangeStaffRoleValidator : AbstractValidator<ChangeStaffRoleCommand>
{
    public ChangeStaffRoleValidator() =>
        RuleFor(c => c.Role).Must(r => Roles.Staff.Contains(r)).WithMessage($"Rolle: eine von {string.Join(", ", Roles.Staff)}.");
}

public sealed class ChangeStaffRoleHandler(IAppDbContext db, IAccountService accounts, ICurrentTenant tenant, ICurrentUser actor, TimeProvider clock)
    : ICommandHandler<ChangeStaffRoleCommand>
{
    public async ValueTask<Unit> Handle(ChangeStaffRoleCommand command, CancellationToken cancellationToken)
    {
        var staff = await accounts.ListStaffAsync(cancellationToken);
        var member = staff.SingleOrDefault(s => s.Id == command.AccountId) ?? throw new NotFoundException("Mitarbeitende", command.AccountId);
        StaffRules.KeepOneTenantAdmin(staff, member, command.Role);
        await accounts.SetStaffRoleAsync(member.Id, command.Role, cancellationToken);
        db.Record(tenant.RequiredId, actor, clock, "staff.role", $"{member.Email}: {string.Join(", ", member.Roles)} → {command.Role}");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
