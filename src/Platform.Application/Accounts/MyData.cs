using Mediator;
using Platform.Application.Common;

namespace Platform.Application.Accounts;

/// <summary>"Meine Daten": everything the platform holds about the signed-in person, as one document.</summary>
public sealed record ExportMyDataQuery : IQuery<MyDataExport>;

public sealed record MyDataExport(DateTime ExportedAt, string Jobcenter, AccountData Account, IReadOnlyList<MyConsent> Consents);

/// <param name="At">When it was given, or when the person registered without giving it.</param>
public sealed record MyConsent(string Purpose, bool Given, DateTime At);

public sealed class ExportMyDataHandler(IAccountService accounts, ICurrentUser user, ICurrentTenant tenant, TimeProvider clock)
    : IQueryHandler<ExportMyDataQuery, MyDataExport>
{
    public async ValueTask<MyDataExport> Handle(ExportMyDataQuery query, CancellationToken cancellationToken)
    {
        var data = await accounts.GetDataAsync(user.RequiredId, cancellationToken)
            ?? throw new NotFoundException("Konto", user.RequiredId);
        return new MyDataExport(
            clock.GetUtcNow().UtcDateTime,
            tenant.Tenant?.DisplayName ?? "Plattform",
            data,
            [new MyConsent("Mindestens 16 Jahre alt (Voraussetzung für E-Mail- und Push-Erinnerungen)", data.ConfirmedAtLeast16, data.ConfirmedAtLeast16At ?? data.CreatedAt)]);
    }
}

/// <summary>Deletes the signed-in person's account and personal data at once.</summary>
public sealed record DeleteMyAccountCommand : ICommand;

public sealed class DeleteMyAccountHandler(IAccountService accounts, ICurrentUser user) : ICommandHandler<DeleteMyAccountCommand>
{
    public async ValueTask<Unit> Handle(DeleteMyAccountCommand command, CancellationToken cancellationToken)
    {
        if (!await accounts.DeleteAsync(user.RequiredId, cancellationToken))
        {
            throw new NotFoundException("Konto", user.RequiredId);
        }

        return Unit.Value;
    }
}
