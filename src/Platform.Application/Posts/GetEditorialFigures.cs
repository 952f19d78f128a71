using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Events;
using Platform.Domain.Posts;
using Platform.Domain.Reminders;

namespace Platform.Application.Posts;

/// <summary>
/// For the editorial team: the jobcenter's figures of the last 7, 30 or 90 days (Europe/Berlin): reads per post and
/// per topic, the ten most read posts, and the "Hat dir das geholfen?" answers per post. Every figure below
/// <see cref="EditorialFigures.ThresholdCount"/> is shown as "&lt; 5", never exactly, and no total lets one work such a
/// figure out (see <see cref="GetEditorialFiguresHandler"/>).
/// </summary>
public sealed record GetEditorialFiguresQuery(int Days = GetEditorialFiguresQuery.DefaultDays) : IQuery<EditorialFigures>
{
    public const int DefaultDays = 30;

    public static IReadOnlyList<int> AllowedDays { get; } = [7, 30, 90];
}

/// <remarks>
/// <para><paramref name="From"/> and <paramref name="To"/>: the first and last day counted (both included).</para>
/// <para><paramref name="Posts"/>: every post with reads or answers in those days, the exactly counted ones most read first.</para>
/// <para><paramref name="Top"/>: the ten most read posts among those counted exactly.</para>
/// <para><paramref name="Events"/>: published events that start on <paramref name="From"/> or later, soonest first.</para>
/// <para><paramref name="Reminders"/>: reminders sent in those days per channel, and consents to them withdrawn.</para>
/// <para><paramref name="Library"/>: the library items this jobcenter adopted, with its reads and the network's sum.</para>
/// </remarks>
public sealed record EditorialFigures(
    int Days,
    DateOnly From,
    DateOnly To,
    int Threshold,
    IReadOnlyList<PostFigures> Posts,
    IReadOnlyList<PostFigures> Top,
    IReadOnlyList<TopicFigures> Topics,
    IReadOnlyList<EventFigures> Events,
    ReminderFigures Reminders,
    IReadOnlyList<LibraryFigures> Library)
{
    /// <summary>The smallest figure shown exactly (k = 5): fewer could point to a single person.</summary>
    public const int ThresholdCount = 5;
}

public sealed record PostFigures(Guid PostId, string Title, Figure Reads, Figure Helpful, Figure NotHelpful);

/// <remarks>
/// <paramref name="Own"/>: this jobcenter's reads of its adoptions (null where it adopted none); <paramref name="Network"/>:
/// the reads summed over every jobcenter that adopted it, <paramref name="Jobcenters"/> of them.
/// </remarks>
public sealed record LibraryFigures(Guid ItemId, string Title, Figure? Own, Figure Network, int Jobcenters);

/// <remarks><paramref name="Topic"/>: the topic's name (<c>Geld</c>, <c>Wohnen</c>, ...).</remarks>
public sealed record TopicFigures(string Topic, Figure Reads);

/// <remarks>
/// <paramref name="Seats"/>: the event's places (not personal, so exact); null when it has no limit. The sign-ups
/// count the confirmed places and the waiting list apart, each with the threshold.
/// </remarks>
public sealed record EventFigures(Guid PostId, string Title, DateTime StartsAt, int? Seats, Figure SignedUp, Figure Waitlisted);

/// <remarks><paramref name="Unsubscribed"/>: consents to e-mail or push reminders withdrawn (settings or the link in a mail).</remarks>
public sealed record ReminderFigures(Figure SentByEmail, Figure SentByPush, Figure Unsubscribed);

/// <summary>
/// A figure as it may be shown: <paramref name="Text"/> is the number itself, "&lt; 5" for fewer than five, or "≥ n"
/// for a total of which only a lower bound may be shown; <paramref name="Count"/> is the number only when it is exact.
/// </summary>
public sealed record Figure(string Text, int? Count)
{
    public static Figure Of(int count) =>
        count < EditorialFigures.ThresholdCount ? new Figure($"< {EditorialFigures.ThresholdCount}", null) : new Figure(count.ToString(System.Globalization.CultureInfo.InvariantCulture), count);

    public static Figure AtLeast(int count) => new($"≥ {count.ToString(System.Globalization.CultureInfo.InvariantCulture)}", null);
}

public sealed class GetEditorialFiguresValidator : AbstractValidator<GetEditorialFiguresQuery>
{
    public GetEditorialFiguresValidator()
    {
        RuleFor(q => q.Days).MustBeAFigurePeriod();
    }
}

/// <summary>The figures' periods: the last 7, 30 or 90 days up to today (Europe/Berlin), both ends included.</summary>
public static class FigurePeriod
{
    public static (DateOnly From, DateOnly To) Of(int days, TimeProvider clock)
    {
        var to = PostViewDay.DayOf(clock.GetUtcNow().UtcDateTime);
        return (to.AddDays(-(days - 1)), to);
    }

    public static IRuleBuilderOptions<T, int> MustBeAFigurePeriod<T>(this IRuleBuilder<T, int> days) =>
        days.Must(d => GetEditorialFiguresQuery.AllowedDays.Contains(d))
            .WithMessage("Der Zeitraum muss 7, 30 oder 90 Tage sein.").OverridePropertyName("days");
}

public sealed class GetEditorialFiguresHandler(IAppDbContext db, TimeProvider clock, INetworkLibraryReads network)
    : IQueryHandler<GetEditorialFiguresQuery, EditorialFigures>
{
    public async ValueTask<EditorialFigures> Handle(GetEditorialFiguresQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = FigurePeriod.Of(query.Days, clock);
        var reads = await db.PostViewDays.AsNoTracking()
            .Where(v => v.Day >= from && v.Day <= to)
            .GroupBy(v => v.PostId)
            .Select(g => new { PostId = g.Key, Count = g.Sum(v => v.Count) })
            .ToDictionaryAsync(r => r.PostId, r => r.Count, cancellationToken);
        var answers = await db.PostFeedbackDays.AsNoTracking()
            .Where(f => f.Day >= from && f.Day <= to)
            .GroupBy(f => f.PostId)
            .Select(g => new { PostId = g.Key, Yes = g.Sum(f => f.Yes), No = g.Sum(f => f.No) })
            .ToDictionaryAsync(a => a.PostId, a => (a.Yes, a.No), cancellationToken);
        var ids = reads.Keys.Union(answers.Keys).ToList();
        var posts = await db.Posts.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Content.Title, p.Content.Topics })
            .ToListAsync(cancellationToken);

        var rows = posts
            .Select(p => (Post: p, Reads: reads.GetValueOrDefault(p.Id), Answers: answers.GetValueOrDefault(p.Id)))
            .ToList();

        // Exact figures most read first; the ones below the threshold by title, so their order tells nothing either.
        var figures = rows
            .OrderByDescending(r => r.Reads >= EditorialFigures.ThresholdCount ? r.Reads : -1)
            .ThenBy(r => r.Post.Title, StringComparer.CurrentCulture)
            .Select(r => (r.Reads, Figures: new PostFigures(r.Post.Id, r.Post.Title, Figure.Of(r.Reads), Figure.Of(r.Answers.Yes), Figure.Of(r.Answers.No))))
            .ToList();
        var top = figures.Where(f => f.Reads >= EditorialFigures.ThresholdCount).Take(10).Select(f => f.Figures).ToList();

        var topics = TopicNames.All
            .Select(topic => (Topic: topic, Parts: rows.Where(r => (r.Post.Topics & topic) == topic).Select(r => r.Reads).ToList()))
            .Where(t => t.Parts.Count > 0)
            .Select(t => new TopicFigures(t.Topic.ToString(), TopicTotal(t.Parts)))
            .ToList();

        var fromUtc = BerlinTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var untilUtc = BerlinTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        return new EditorialFigures(
            query.Days,
            from,
            to,
            EditorialFigures.ThresholdCount,
            [.. figures.Select(f => f.Figures)],
            top,
            topics,
            await EventsAsync(fromUtc, cancellationToken),
            await RemindersAsync(fromUtc, untilUtc, cancellationToken),
            await LibraryFiguresReader.ReadAsync(db, network, from, to, everyItem: false, cancellationToken));
    }

    private async Task<List<EventFigures>> EventsAsync(DateTime fromUtc, CancellationToken cancellationToken)
    {
        var events = await db.Posts.AsNoTracking()
            .Where(p => p.Status == PostStatus.Published && p.Content.EventStartsAt != null && p.Content.EventStartsAt >= fromUtc)
            .OrderBy(p => p.Content.EventStartsAt)
            .Select(p => new { p.Id, p.Content.Title, StartsAt = p.Content.EventStartsAt!.Value, p.Content.EventCapacity })
            .ToListAsync(cancellationToken);
        var ids = events.Select(e => e.Id).ToList();
        var signUps = await db.EventRegistrations.AsNoTracking()
            .Where(r => ids.Contains(r.PostId) && r.Status != RegistrationStatus.Cancelled)
            .GroupBy(r => new { r.PostId, r.Status })
            .Select(g => new { g.Key.PostId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(Guid post, RegistrationStatus status) => signUps.Where(s => s.PostId == post && s.Status == status).Sum(s => s.Count);
        return [.. events.Select(e => new EventFigures(
            e.Id, e.Title, e.StartsAt, e.EventCapacity, Figure.Of(Count(e.Id, RegistrationStatus.Confirmed)), Figure.Of(Count(e.Id, RegistrationStatus.Waitlisted))))];
    }

    private async Task<ReminderFigures> RemindersAsync(DateTime fromUtc, DateTime untilUtc, CancellationToken cancellationToken)
    {
        var sent = await db.ReminderDeliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Sent && d.SentAt >= fromUtc && d.SentAt < untilUtc)
            .GroupBy(d => d.Channel)
            .Select(g => new { Channel = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var withdrawn = await db.ConsentRecords.AsNoTracking()
            .CountAsync(c => !c.Given && c.At >= fromUtc && c.At < untilUtc, cancellationToken);
        int Sent(NotificationChannel channel) => sent.Where(s => s.Channel == channel).Sum(s => s.Count);
        return new ReminderFigures(Figure.Of(Sent(NotificationChannel.Email)), Figure.Of(Sent(NotificationChannel.Push)), Figure.Of(withdrawn));
    }

    /// <summary>
    /// A topic's reads are the sum of its posts' reads, which the page lists too: the sum is exact only when every part
    /// is. Otherwise the sum minus the exact parts would give the small ones away, so it is shown as at least the sum of
    /// the exact parts (which the list shows anyway), or as "&lt; 5".
    /// </summary>
    private static Figure TopicTotal(List<int> parts)
    {
        var total = parts.Sum();
        if (total < EditorialFigures.ThresholdCount || parts.All(p => p >= EditorialFigures.ThresholdCount))
        {
            return Figure.Of(total);
        }

        return Figure.AtLeast(Math.Max(EditorialFigures.ThresholdCount, parts.Where(p => p >= EditorialFigures.ThresholdCount).Sum()));
    }
}
