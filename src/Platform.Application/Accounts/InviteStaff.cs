using FluentValidation;
using Mediator;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Domain.Accounts;

namespace Platform.Application.Accounts;

/// <summary>
/// Invites someone by e-mail into one staff role of the current tenant and mails them the link. A TenantAdmin invites
/// colleagues; onboarding invites a new jobcenter's first TenantAdmin this way.
/// </summary>
public sealed record InviteStaffCommand(string Email, string Role) : ICommand<IssuedInvitation>;

/// <summary>
/// The first TenantAdmin of a jobcenter being onboarded, invited as that jobcenter. Only <c>OnboardTenantHandler</c>
/// sends it, after <c>OnboardTenantValidator</c> has checked the address: it has no validator, so the address is
/// checked once, and before the jobcenter is created.
/// </summary>
public sealed record InviteFirstTenantAdminCommand(string Email) : ICommand<IssuedInvitation>;

/// <remarks>
/// <para><paramref name="Link"/>: the invitation page with the token; only a hash of the token is stored, so this is its one copy.</para>
/// <para><paramref name="Mailed"/>: false when the mail server did not take the invitation: the admin forwards <paramref name="Link"/>.</para>
/// </remarks>
public sealed record IssuedInvitation(Guid Id, string Email, string Role, Uri Link, DateTime ExpiresAt, bool Mailed);

public sealed class InviteStaffValidator : AbstractValidator<InviteStaffCommand>
{
    public InviteStaffValidator(IEmailAddressCheck addresses)
    {
        RuleFor(c => c.Email).NotEmpty().EmailAddress().WithMessage("Bitte gib eine gültige E-Mail-Adresse an.")
            .DependentRules(() => RuleFor(c => c.Email).Deliverable(addresses));
        RuleFor(c => c.Role).Must(r => Roles.Staff.Contains(r)).WithMessage($"Rolle: eine von {string.Join(", ", Roles.Staff)}.");
    }
}

public sealed class InviteStaffHandler(IAppDbContext db, ICurrentTenant tenant, ICurrentUser actor, InvitationMailer mailer, TimeProvider clock)
    : ICommandHandler<InviteStaffCommand, IssuedInvitation>, ICommandHandler<InviteFirstTenantAdminCommand, IssuedInvitation>
{
    public ValueTask<IssuedInvitation> Handle(InviteStaffCommand command, CancellationToken cancellationToken) =>
        InviteAsync(command.Email, command.Role, cancellationToken);

    public ValueTask<IssuedInvitation> Handle(InviteFirstTenantAdminCommand command, CancellationToken cancellationToken) =>
        InviteAsync(command.Email, Roles.TenantAdmin, cancellationToken);

    private async ValueTask<IssuedInvitation> InviteAsync(string email, string role, CancellationToken cancellationToken)
    {
        var (invitation, token) = Invitation.Create(tenant.RequiredId, email, role, actor.RequiredId, clock.GetUtcNow().UtcDateTime);
        db.Invitations.Add(invitation);
        db.Record(tenant.RequiredId, actor, clock, "staff.invited", $"{invitation.Email} als {invitation.Role}");
        await db.SaveChangesAsync(cancellationToken);

        // Sent while the token is still known: no job could send it later.
        var sent = await mailer.TrySendAsync(tenant.Tenant, invitation.Email, invitation.Role, token, invitation.ExpiresAt, cancellationToken);
        return new IssuedInvitation(invitation.Id, invitation.Email, invitation.Role, sent.Link, invitation.ExpiresAt, sent.Mailed);
    }
}
