using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>
/// Scheduled and published posts of the current tenant between two instants (UTC, from inclusive, to exclusive), each
/// with its time in UTC and as Europe/Berlin wall-clock time.
/// </summary>
public sealed record GetContentCalendarQuery(DateTime From, DateTime To) : IQuery<IReadOnlyList<CalendarEntry>>;

/// <remarks>
/// <para><paramref name="At"/>: when it is or was due (UTC).</para>
/// <para><paramref name="LocalAt"/>: the same instant in Europe/Berlin (wall-clock time, no offset).</para>
/// <para><paramref name="UtcOffset"/>: Berlin's offset at that instant, for example "+01:00" or "+02:00".</para>
/// </remarks>
public sealed record CalendarEntry(Guid Id, string Title, PostStatus Status, DateTime At, [property: LocalDateTime] DateTime LocalAt, string UtcOffset);

public sealed class GetContentCalendarValidator : AbstractValidator<GetContentCalendarQuery>
{
    public GetContentCalendarValidator()
    {
        RuleFor(q => q.To).GreaterThan(q => q.From).WithMessage("Das Ende muss nach dem Anfang liegen.")
            .Must((q, to) => to - q.From <= TimeSpan.FromDays(62)).WithMessage("Der Kalender zeigt höchstens 62 Tage auf einmal.");
    }
}

public sealed class GetContentCalendarHandler(IAppDbContext db) : IQueryHandler<GetContentCalendarQuery, IReadOnlyList<CalendarEntry>>
{
    public async ValueTask<IReadOnlyList<CalendarEntry>> Handle(GetContentCalendarQuery query, CancellationToken cancellationToken)
    {
        var from = DateTime.SpecifyKind(query.From.ToUniversalTime(), DateTimeKind.Utc);
        var to = DateTime.SpecifyKind(query.To.ToUniversalTime(), DateTimeKind.Utc);
        var rows = await db.Posts.AsNoTracking()
            .Where(p => (p.Status == PostStatus.Scheduled && p.PublishAt >= from && p.PublishAt < to)
                || (p.Status == PostStatus.Published && p.PublishedAt >= from && p.PublishedAt < to))
            .Select(p => new { p.Id, p.Content.Title, p.Status, At = p.Status == PostStatus.Scheduled ? p.PublishAt : p.PublishedAt })
            .ToListAsync(cancellationToken);

        return [.. rows
            .Select(r => Entry(r.Id, r.Title, r.Status, r.At!.Value))
            .OrderBy(e => e.At)];
    }

    private static CalendarEntry Entry(Guid id, string title, PostStatus status, DateTime at)
    {
        var offset = BerlinTime.Zone.GetUtcOffset(at);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return new CalendarEntry(id, title, status, at, BerlinTime.ToLocal(at), $"{sign}{offset:hh\\:mm}");
    }
}
