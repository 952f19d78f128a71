using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Domain.Accounts;

namespace Platform.Application.Accounts;

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
            throw new ValidationException(created.Errors.SelectMany(e => e.Value.Select(m => new ValidationFailure(e.Key, m))));
        }

        db.Record(tenant.RequiredId, actor, clock, "staff.joined", $"{invitation.Email} als {invitation.Role}");
        await db.SaveChangesAsync(cancellationToken);
        return created.Id!.Value;
    }
}
