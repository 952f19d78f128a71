using FluentValidation;
using Mediator;
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
