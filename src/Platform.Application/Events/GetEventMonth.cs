using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Events;

/// <summary>
/// The current jobcenter's published events of one calendar month in Berlin time (a month runs from midnight of its
/// first day to midnight of the next month's first day, Berlin wall time, whatever the daylight-saving offset).
/// </summary>
/// <param name="Month">"yyyy-MM"; null or empty for the current month in Berlin.</param>
public sealed record GetEventMonthQuery(string? Month) : IQuery<EventMonth>;

/// <summary>A month of events: <see cref="Days"/> holds only days with events, in order.</summary>
public sealed record EventMonth(int Year, int Month, DateOnly Today, IReadOnlyList<EventDay> Days)
{
    public string Key => $"{Year:D4}-{Month:D2}";

    public string PreviousKey => new DateOnly(Year, Month, 1).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public string NextKey => new DateOnly(Year, Month, 1).AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>One Berlin calendar day and the events that start on it, by start time.</summary>
public sealed record EventDay(DateOnly Date, IReadOnlyList<EventSummary> Events);

public sealed class GetEventMonthValidator : AbstractValidator<GetEventMonthQuery>
{
    public GetEventMonthValidator()
    {
        RuleFor(q => q.Month)
            .Must(m => string.IsNullOrEmpty(m) || EventMonthKey.TryParse(m, out _, out _))
            .WithMessage(_ => ValidationMessages.Get("Events.MonthInvalid"));
    }
}

public sealed class GetEventMonthHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetEventMonthQuery, EventMonth>
{
    public async ValueTask<EventMonth> Handle(GetEventMonthQuery query, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(BerlinTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var (year, month) = EventMonthKey.TryParse(query.Month, out var y, out var m) ? (y, m) : (today.Year, today.Month);
        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var from = BerlinTime.ToUtc(first);
        var to = BerlinTime.ToUtc(first.AddMonths(1));
        var rows = await db.Posts.AsNoTracking()
            .Where(p => p.Status == PostStatus.Published && p.Content.EventStartsAt != null && p.Content.EventStartsAt >= from && p.Content.EventStartsAt < to)
            .Select(p => new EventRow(p.Id, p.Content.Title, p.Content.Summary, p.Content.EventStartsAt, p.Content.EventEndsAt, p.Content.EventPlace, p.Content.EventOnlineUrl, p.Content.EventCapacity, p.PublishedAt))
            .ToListAsync(cancellationToken);
        var ordered = rows.OrderBy(r => r.StartsAt).ThenBy(r => r.Id).ToList();
        var summaries = await EventQueries.SummariesAsync(db, ordered, user.Id, cancellationToken);
        var days = summaries
            .GroupBy(e => DateOnly.FromDateTime(e.StartsAtLocal))
            .Select(g => new EventDay(g.Key, [.. g]))
            .ToList();
        return new EventMonth(year, month, today, days);
    }
}

/// <summary>The "yyyy-MM" month key of the calendar's address.</summary>
public static class EventMonthKey
{
    public static bool TryParse(string? text, out int year, out int month)
    {
        year = 0;
        month = 0;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || y is < 2000 or > 2100 || m is < 1 or > 12)
        {
            return false;
        }

        (year, month) = (y, m);
        return true;
    }
}
