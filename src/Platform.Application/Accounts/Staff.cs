using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Domain.Accounts;

namespace Platform.Application.Accounts;

/// <summary>A TenantAdmin invites a colleague by e-mail into one staff role. Returns the token for the link.</summary>
public sealed record InviteStaffCommand(string Email, string Role) : ICommand<IssuedInvitation>;

public sealed record IssuedInvitation(Guid Id, string Email, string Role, string Token, DateTime ExpiresAt);

public sealed class InviteStaffValidator : AbstractValidator<InviteStaffCommand>
{
    public InviteStaffValidator(IEmailAddressCheck addresses)
    {
        RuleFor(c => c.Email).NotEmpty().EmailAddress().WithMessage("Bitte gib eine gültige E-Mail-Adresse an.")
            .DependentRules(() => RuleFor(c => c.Email).Deliverable(addresses));
        RuleFor(c => c.Role).Must(r => Roles.Staff.Contains(r)).WithMessage($"Rolle: eine von {string.Join(", ", Roles.Staff)}.");
    }
}

public sealed class InviteStaffHandler(IAppDbContext db, ICurrentTenant tenant, ICurrentUser actor, TimeProvider clock)
    : ICommandHandler<InviteStaffCommand, IssuedInvitation>
{
    public async ValueTask<IssuedInvitation> Handle(InviteStaffCommand command, CancellationToken cancellationToken)
    {
        var (invitation, token) = Invitation.Create(tenant.RequiredId, command.Email, command.Role, actor.RequiredId, clock.GetUtcNow().UtcDateTime);
        db.Invitations.Add(invitation);
        db.Record(tenant.RequiredId, actor, clock, "staff.invited", $"{invitation.Email} als {invitation.Role}");
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedInvitation(invitation.Id, invitation.Email, invitation.Role, token, invitation.ExpiresAt);
    }
}

/// <summary>Accepting an invitation creates the staff account in the invitation's tenant and role.</summary>
public sealed record AcceptInvitationCommand(string Token, string Password, string DisplayName) : ICommand<Guid>;

public sealed class AcceptInvitationValidator : AbstractValidator<AcceptInvitationCommand>
{
    public AcceptInvitationValidator()
    {
        RuleFor(c => c.Token).NotEmpty().WithMessage("Der Einladungslink ist unvollständig.");
        RuleFor(c => c.Password).NotEmpty().WithMessage("Bitte wähle ein Passwort.");
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Bitte gib deinen Namen an.").MaximumLength(60);
    }
}

public sealed class AcceptInvitationHandler(IAppDbContext db, IAccountService accounts, ICurrentTenant tenant, ICurrentUser actor, TimeProvider clock)
    : ICommandHandler<AcceptInvitationCommand, Guid>
{
    public async ValueTask<Guid> Handle(AcceptInvitationCommand command, CancellationToken cancellationToken)
    {
        var hash = Invitation.Hash(command.Token);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken)
            ?? throw new NotFoundException("Einladung", "token");
        invitation.Accept(clock.GetUtcNow().UtcDateTime);

        var created = await accounts.CreateAsync(
            new NewAccount(invitation.Email, command.Password, command.DisplayName, ConfirmedAtLeast16: true, EmailConfirmed: true, invitation.Role),
            cancellationToken);
        if (!created.Succeeded)
        {
            throw new ValidationException(created.Errors.SelectMany(e => e.Value.Select(m => new FluentValidation.Results.ValidationFailure(e.Key, m))));
        }

        db.Record(tenant.RequiredId, actor, clock, "staff.joined", $"{invitation.Email} als {invitation.Role}");
        await db.SaveChangesAsync(cancellationToken);
        return created.Id!.Value;
    }
}

public sealed record ListStaffQuery : IQuery<IReadOnlyList<StaffMember>>;

public sealed class ListStaffHandler(IAccountService accounts) : IQueryHandler<ListStaffQuery, IReadOnlyList<StaffMember>>
{
    public async ValueTask<IReadOnlyList<StaffMember>> Handle(ListStaffQuery query, CancellationToken cancellationToken) =>
        await accounts.ListStaffAsync(cancellationToken);
}

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

internal static class StaffRules
{
    public static void KeepOneTenantAdmin(IReadOnlyList<StaffMember> staff, StaffMember member, string? newRole)
    {
        var isAdmin = member.Roles.Contains(Roles.TenantAdmin);
        var remainsAdmin = newRole == Roles.TenantAdmin;
        if (isAdmin && !remainsAdmin && staff.Count(s => s.Roles.Contains(Roles.TenantAdmin)) == 1)
        {
            throw new Platform.Domain.Common.DomainException("staff.lastAdmin", "Das Jobcenter braucht mindestens eine Leitung (TenantAdmin).");
        }
    }
}
