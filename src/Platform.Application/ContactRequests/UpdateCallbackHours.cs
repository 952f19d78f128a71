using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.ContactRequests;

namespace Platform.Application.ContactRequests;

/// <summary>
/// A TenantAdmin sets the callback hours: the weekly ranges (day 1 = Monday to 7 = Sunday, <c>HH:mm</c> in
/// Europe/Berlin), the slot length, the calls per slot and the closed days. Bookings already made stay.
/// </summary>
public sealed record UpdateCallbackHoursCommand(
    int SlotMinutes, int Capacity, IReadOnlyList<CallbackRangeInput>? Ranges, IReadOnlyList<DateOnly>? ClosedDays) : ICommand<CallbackHoursView>;

public sealed record CallbackRangeInput(int Day, string? Start, string? End);

public sealed class UpdateCallbackHoursValidator : AbstractValidator<UpdateCallbackHoursCommand>
{
    public UpdateCallbackHoursValidator()
    {
        RuleFor(c => c.SlotMinutes)
            .InclusiveBetween(CallbackHours.MinSlotMinutes, CallbackHours.MaxSlotMinutes)
            .WithMessage($"Ein Zeitfenster dauert {CallbackHours.MinSlotMinutes} bis {CallbackHours.MaxSlotMinutes} Minuten.");
        RuleFor(c => c.Capacity)
            .InclusiveBetween(CallbackHours.MinCapacity, CallbackHours.MaxCapacity)
            .WithMessage($"Je Zeitfenster sind {CallbackHours.MinCapacity} bis {CallbackHours.MaxCapacity} Anrufe möglich.");
        RuleFor(c => c.Ranges)
            .Must(r => r is null || r.Count <= CallbackHours.MaxRanges)
            .WithMessage($"Höchstens {CallbackHours.MaxRanges} Zeiträume.");
        RuleForEach(c => c.Ranges).ChildRules(range =>
        {
            range.RuleFor(r => r.Day).InclusiveBetween(1, 7).WithMessage("Der Wochentag ist 1 (Montag) bis 7 (Sonntag).");
            range.RuleFor(r => r.Start).Must(t => ParseTime(t) is not null).WithMessage("Die Uhrzeit hat die Form HH:mm, zum Beispiel 09:00.");
            range.RuleFor(r => r.End).Must(t => ParseTime(t) is not null).WithMessage("Die Uhrzeit hat die Form HH:mm, zum Beispiel 12:00.")
                .DependentRules(() => range.RuleFor(r => r.End)
                    .Must((r, end) => ParseTime(r.Start) is not { } start || ParseTime(end) > start)
                    .WithMessage("Das Ende liegt vor dem Beginn."));
        });
        RuleFor(c => c.Ranges).Custom((ranges, context) =>
        {
            var parsed = Parse(ranges);
            if (parsed is not null && CallbackHours.Overlapping(parsed) is { } index)
            {
                context.AddFailure($"Ranges[{index}]", "Dieser Zeitraum überschneidet sich mit einem anderen am selben Tag.");
            }
        });
        RuleFor(c => c.ClosedDays)
            .Must(d => d is null || d.Count <= CallbackHours.MaxClosedDays)
            .WithMessage($"Höchstens {CallbackHours.MaxClosedDays} geschlossene Tage.");
    }

    /// <summary>The ranges, or null while one of them is not valid (its own rules report it).</summary>
    internal static List<CallbackRange>? Parse(IReadOnlyList<CallbackRangeInput>? ranges)
    {
        var result = new List<CallbackRange>();
        foreach (var r in ranges ?? [])
        {
            if (r.Day is < 1 or > 7 || ParseTime(r.Start) is not { } start || ParseTime(r.End) is not { } end || end <= start)
            {
                return null;
            }

            result.Add(new CallbackRange((DayOfWeek)(r.Day % 7), start, end));
        }

        return result;
    }

    private static TimeOnly? ParseTime(string? value) =>
        TimeOnly.TryParseExact(value?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}

public sealed class UpdateCallbackHoursHandler(IAppDbContext db, ICurrentTenant current, TimeProvider clock)
    : ICommandHandler<UpdateCallbackHoursCommand, CallbackHoursView>
{
    public async ValueTask<CallbackHoursView> Handle(UpdateCallbackHoursCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hours = await db.CallbackHours.SingleOrDefaultAsync(cancellationToken);
        if (hours is null)
        {
            hours = CallbackHours.Create(current.RequiredId, now);
            db.CallbackHours.Add(hours);
        }

        hours.Change(UpdateCallbackHoursValidator.Parse(command.Ranges) ?? [], command.SlotMinutes, command.Capacity, command.ClosedDays ?? [], now);
        await db.SaveChangesAsync(cancellationToken);
        return CallbackHoursView.Of(hours, DateOnly.FromDateTime(BerlinTime.ToLocal(now)));
    }
}
