using FluentValidation;
using Mediator;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Domain.Tenants;

namespace Platform.Application.Tenants;

/// <summary>A PlatformAdmin activates or suspends a jobcenter. Suspended: young people see a maintenance page.</summary>
public sealed record ChangeTenantStatusCommand(Guid TenantId, TenantStatus Status) : ICommand;

public sealed class ChangeTenantStatusValidator : AbstractValidator<ChangeTenantStatusCommand>
{
    public ChangeTenantStatusValidator() => RuleFor(c => c.Status).IsInEnum().WithMessage("Unbekannter Status.");
}

public sealed class ChangeTenantStatusHandler(
    IAppDbContext db, ITenantCatalog catalog, ITenantScopeRunner tenants)
    : ICommandHandler<ChangeTenantStatusCommand>
{
    public async ValueTask<Unit> Handle(ChangeTenantStatusCommand command, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.FindAsync([command.TenantId], cancellationToken)
            ?? throw new NotFoundException("Jobcenter", command.TenantId);
        var before = tenant.Status;
        tenant.ChangeStatus(command.Status);
        await db.SaveChangesAsync(cancellationToken);
        catalog.Invalidate();
        await tenants.SendAsync(tenant.Id, new RecordAuditEntryCommand("tenant.status", $"{before} → {command.Status}"), cancellationToken);
        return Unit.Value;
    }
}
