using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.ContactRequests;

namespace Platform.Application.ContactRequests;

/// <summary>The current jobcenter's contact requests for its staff: open ones first, newest first.</summary>
public sealed record ListContactRequestsQuery(bool IncludeDone = true) : IQuery<IReadOnlyList<ContactRequestItem>>;

public sealed record ContactRequestItem(
    Guid Id, string Type, string TypeName, string Name, string Email, string Phone, string Message, DateTime CreatedAt, DateTime? DoneAt, string DoneBy, string Language = "de", DateTime? AnsweredAt = null);

public sealed class ListContactRequestsHandler(IAppDbContext db) : IQueryHandler<ListContactRequestsQuery, IReadOnlyList<ContactRequestItem>>
{
    public const int Limit = 500;

    public async ValueTask<IReadOnlyList<ContactRequestItem>> Handle(ListContactRequestsQuery query, CancellationToken cancellationToken)
    {
        var rows = await db.ContactRequests.AsNoTracking()
            .Where(r => query.IncludeDone || r.DoneAt == null)
            .OrderBy(r => r.DoneAt == null ? 0 : 1)
            .ThenByDescending(r => r.CreatedAt)
            .Take(Limit)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(Item)];
    }

    public static ContactRequestItem Item(ContactRequest r) => new(
        r.Id, ContactRequestTypes.Name(r.Type), ContactRequestTypes.GermanName(r.Type), r.Name, r.Email, r.Phone, r.Message, r.CreatedAt, r.DoneAt, r.DoneBy, r.Language, r.AnsweredAt);
}
