using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Resources;
using Platform.Domain.Common;
using Platform.Domain.Reminders;

namespace Platform.Application.Reminders;

/// <summary>
/// A young person sets a reminder. <see cref="DueAt"/> is Europe/Berlin wall time (a value with an offset or <c>Z</c> is
/// taken as that instant); lead times are minutes from <see cref="Reminder.AllowedLeadTimes"/>.
/// </summary>
public sealed record CreateReminderCommand(
    ReminderKind Kind,
    string? Title,
    Guid? PostId,
    DateTime DueAt,
    IReadOnlyList<int> LeadTimeMinutes,
    bool Email = false,
    bool Push = false) : ICommand<ReminderSummary>;

public sealed record ReminderSummary(
    Guid Id,
    ReminderKind Kind,
    string Title,
    Guid? PostId,
    DateTime DueAt,
    [property: LocalDateTime] DateTime DueAtLocal,
    IReadOnlyList<int> LeadTimeMinutes,
    bool Email,
    bool Push,
    int PendingDeliveries);

public sealed class CreateReminderValidator : AbstractValidator<CreateReminderCommand>
{
    public CreateReminderValidator(TimeProvider clock)
    {
        RuleFor(c => c.Kind).IsInEnum().WithMessage(_ => ValidationMessages.Get("Reminder.KindRequired"));
        RuleFor(c => c.Title).MaximumLength(Reminder.MaxTitleLength).WithMessage(_ => ValidationMessages.Format("Reminder.TitleTooLong", Reminder.MaxTitleLength));
        RuleFor(c => c.Title).NotEmpty().When(c => c.Kind == ReminderKind.Event).WithMessage(_ => ValidationMessages.Get("Reminder.EventNameRequired"));
        RuleFor(c => c.DueAt).NotEqual(default(DateTime)).WithMessage(_ => ValidationMessages.Get("Reminder.DueRequired"))
            .Must(d => CreateReminderHandler.ToUtc(d) > clock.GetUtcNow().UtcDateTime).WithMessage(_ => ValidationMessages.Get("Reminder.InThePast"));
        RuleFor(c => c.LeadTimeMinutes).NotNull().NotEmpty().WithMessage(_ => ValidationMessages.Get("Reminder.LeadRequired"));
        RuleForEach(c => c.LeadTimeMinutes)
            .Must(m => Reminder.AllowedLeadTimes.Contains(TimeSpan.FromMinutes(m)))
            .WithMessage(_ => ValidationMessages.Get("Reminder.LeadInvalid"))
            .OverridePropertyName("leadTimeMinutes");
        // A reminder "7 days before" an appointment tomorrow would never come: say so instead of leaving it out.
        RuleForEach(c => c.LeadTimeMinutes)
            .Must((c, m) => CreateReminderHandler.ToUtc(c.DueAt) - TimeSpan.FromMinutes(m) >= clock.GetUtcNow().UtcDateTime)
            .When(c => c.DueAt != default && CreateReminderHandler.ToUtc(c.DueAt) > clock.GetUtcNow().UtcDateTime)
            .WithMessage((_, m) => ValidationMessages.Format("Reminder.LeadPassed", LeadText(m)))
            .OverridePropertyName("leadTimeMinutes");
    }

    private static string LeadText(int minutes) => minutes % (24 * 60) == 0
        ? ValidationMessages.Format(minutes == 24 * 60 ? "Reminder.OneDay" : "Reminder.Days", minutes / (24 * 60))
        : ValidationMessages.Format("Reminder.Hours", minutes / 60);
}

public sealed class CreateReminderHandler(IAppDbContext db, ICurrentUser user, ICurrentTenant tenant, TimeProvider clock)
    : ICommandHandler<CreateReminderCommand, ReminderSummary>
{
    public async ValueTask<ReminderSummary> Handle(CreateReminderCommand command, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId;
        var now = clock.GetUtcNow().UtcDateTime;
        var dueAt = ToUtc(command.DueAt);
        if (command.PostId is { } postId && !await db.Posts.AnyAsync(p => p.Id == postId, cancellationToken))
        {
            throw new NotFoundException("Beitrag", postId);
        }

        var channels = NotificationChannels.InApp
            | (command.Email ? NotificationChannels.Email : NotificationChannels.None)
            | (command.Push ? NotificationChannels.Push : NotificationChannels.None);
        var (reminder, deliveries) = Reminder.Create(
            tenant.RequiredId, userId, command.Kind, command.Title, command.PostId, dueAt,
            [.. command.LeadTimeMinutes.Select(m => TimeSpan.FromMinutes(m))], channels, now, NotificationTexts.For(EmailText.Current()));

        var quiet = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.UserId == userId)
            .Select(p => (QuietHours?)new QuietHours(p.QuietStart, p.QuietEnd))
            .FirstOrDefaultAsync(cancellationToken) ?? QuietHours.Default;
        foreach (var push in deliveries.Where(d => d.Channel == NotificationChannel.Push))
        {
            push.MoveTo(quiet.Delay(push.DueAt));
        }

        db.Reminders.Add(reminder);
        db.ReminderDeliveries.AddRange(deliveries);
        await db.SaveChangesAsync(cancellationToken);
        return ReminderViews.Summary(reminder, deliveries.Count);
    }

    /// <summary>A value without offset is Europe/Berlin wall time; one with an offset (or Z) is that instant.</summary>
    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => BerlinTime.ToUtc(value),
    };
}

internal static class ReminderViews
{
    public static ReminderSummary Summary(Reminder r, int pending) => new(
        r.Id,
        r.Kind,
        r.Title,
        r.PostId,
        r.DueAt,
        BerlinTime.ToLocal(r.DueAt),
        [.. r.LeadTimeList.Select(l => (int)l.TotalMinutes)],
        r.Channels.HasFlag(NotificationChannels.Email),
        r.Channels.HasFlag(NotificationChannels.Push),
        pending);
}
