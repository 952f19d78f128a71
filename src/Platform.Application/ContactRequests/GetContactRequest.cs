using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;

namespace Platform.Application.ContactRequests;

/// <summary>One contact request of the current jobcenter with the team's answers, oldest first; another jobcenter's is not found.</summary>
public sealed record GetContactRequestQuery(Guid Id) : IQuery<ContactRequestDetails>;

public sealed record ContactRequestDetails(ContactRequestItem Request, IReadOnlyList<ContactAnswerItem> Answers);

public sealed class GetContactRequestHandler(IAppDbContext db) : IQueryHandler<GetContactRequestQuery, ContactRequestDetails>
{
    public async ValueTask<ContactRequestDetails> Handle(GetContactRequestQuery query, CancellationToken cancellationToken)
    {
        var request = await db.ContactRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Anfrage", query.Id);
        var answers = await db.ContactAnswers.AsNoTracking()
            .Where(a => a.ContactRequestId == request.Id)
            .OrderBy(a => a.CreatedAt)
            .ToListAsync(cancellationToken);
        return new ContactRequestDetails(ListContactRequestsHandler.Item(request), [.. answers.Select(a => a.Item())]);
    }
}
