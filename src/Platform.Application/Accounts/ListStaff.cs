using Mediator;

namespace Platform.Application.Accounts;

public sealed record ListStaffQuery : IQuery<IReadOnlyList<StaffMember>>;

public sealed class ListStaffHandler(IAccountService accounts) : IQueryHandler<ListStaffQuery, IReadOnlyList<StaffMember>>
{
    public async ValueTask<IReadOnlyList<StaffMember>> Handle(ListStaffQuery query, CancellationToken cancellationToken) =>
        await accounts.ListStaffAsync(cancellationToken);
}
