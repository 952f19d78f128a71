using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;

namespace Platform.Application.Audit;

/// <summary>The current tenant's audit log, newest first (TenantAdmins only).</summary>
public sealed record GetAuditLogQuery(int Page = 1, int PageSize = 50) : IQuery<IReadOnlyList<AuditLogEntry>>;

public sealed record AuditLogEntry(DateTime At, string ActorName, string Action, string Details);

public sealed class GetAuditLogValidator : AbstractValidator<GetAuditLogQuery>
{
    public GetAuditLogValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
    }
}

public sealed class GetAuditLogHandler(IAppDbContext db) : IQueryHandler<GetAuditLogQuery, IReadOnlyList<AuditLogEntry>>
{
    public async ValueTask<IReadOnlyList<AuditLogEntry>> Handle(GetAuditLogQuery query, CancellationToken cancellationToken) =>
        await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(Paging.Offset(query.Page, query.PageSize)).Take(query.PageSize)
            .Select(e => new AuditLogEntry(e.At, e.ActorName, e.Action, e.Details))
            .ToListAsync(cancellationToken);
}
