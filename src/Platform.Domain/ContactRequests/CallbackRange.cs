namespace Platform.Domain.ContactRequests;

/// <summary>One time range of the weekly callback hours, Europe/Berlin wall time; <see cref="End"/> is exclusive.</summary>
public readonly record struct CallbackRange(DayOfWeek Day, TimeOnly Start, TimeOnly End);
