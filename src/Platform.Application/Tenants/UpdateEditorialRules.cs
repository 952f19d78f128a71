using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Audit;
using Platform.Application.Common;

namespace Platform.Application.Tenants;

/// <summary>The editorial rules: whether a post needs someone other than its author to approve it (four-eyes rule).</summary>
public sealed record UpdateEditorialRulesCommand(bool FourEyesRule) : ICommand;

public sealed class UpdateEditorialRulesHandler(IAppDbContext db, ICurrentTenant current, ICurrentUser actor, TimeProvider clock)
    : ICommandHandler<UpdateEditorialRulesCommand>
{
    public async ValueTask<Unit> Handle(UpdateEditorialRulesCommand command, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleAsync(t => t.Id == current.RequiredId, cancellationToken);
        tenant.ChangeEditorialRules(command.FourEyesRule);
        db.Record(tenant.Id, actor, clock, "editorial.rulesChanged", command.FourEyesRule ? "Vier-Augen-Prinzip an" : "Vier-Augen-Prinzip aus");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
