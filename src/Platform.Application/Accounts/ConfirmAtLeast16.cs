using Mediator;
using Platform.Application.Common;

namespace Platform.Application.Accounts;

/// <summary>The signed-in person confirms later that they are 16 or older; recorded with its time as a consent.</summary>
public sealed record ConfirmAtLeast16Command : ICommand;

public sealed class ConfirmAtLeast16Handler(IAccountService accounts, ICurrentUser user, TimeProvider clock) : ICommandHandler<ConfirmAtLeast16Command>
{
    public async ValueTask<Unit> Handle(ConfirmAtLeast16Command command, CancellationToken cancellationToken)
    {
        if (!await accounts.ConfirmAtLeast16Async(user.RequiredId, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            throw new NotFoundException("Konto", user.RequiredId);
        }

        return Unit.Value;
    }
}
