using Platform.Domain.Common;

namespace Platform.Domain.ContactRequests;

/// <summary>
/// A callback a young person booked in one slot of the <see cref="CallbackHours"/>: a phone number, a first name or
/// nickname, optionally an e-mail address for the confirmation and the reminder. It holds one of the slot's places
/// (<see cref="Place"/>, 1 to the capacity, unique per slot); a cancelled booking gives its place back. Deleted with the
/// contact requests, the tenant's retention period after its slot.
/// </summary>
public sealed class CallbackBooking : ITenantOwned
{
    public const int MaxNameLength = 60;

    public const int MaxPhoneLength = 40;

    public const int MaxEmailLength = 254;

    private CallbackBooking()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>The slot's start, UTC.</summary>
    public DateTime SlotStart { get; private set; }

    public DateTime SlotEnd { get; private set; }

    /// <summary>The place taken in the slot; null once cancelled, so the place is free for someone else.</summary>
    public int? Place { get; private set; }

    public string Name { get; private set; } = "";

    public string Phone { get; private set; } = "";

    public string Email { get; private set; } = "";

    /// <summary>The language of the page the booking was made on, for the confirmation and the reminder.</summary>
    public string Language { get; private set; } = "de";

    public DateTime CreatedAt { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public CallbackOutcome Outcome { get; private set; }

    public DateTime? OutcomeAt { get; private set; }

    public string OutcomeBy { get; private set; } = "";

    public bool IsCancelled => CancelledAt is not null;

    /// <summary>
    /// Books place <paramref name="place"/> of the slot at <paramref name="slotStartUtc"/>: refused when the slot is too
    /// soon or past, not one of the hours' slots, or has no place left (<paramref name="place"/> null).
    /// </summary>
    public static CallbackBooking Book(
        CallbackHours hours, DateTime slotStartUtc, int? place, string name, string phone, string? email, bool consent, DateTime now, string language = "de")
    {
        if (!consent)
        {
            throw new DomainException("callback.consent", "Ohne Einwilligung können wir keinen Rückruf speichern.");
        }

        if (slotStartUtc < now + CallbackHours.MinimumNotice)
        {
            throw new DomainException("callback.tooSoon", "Dieses Zeitfenster liegt in der Vergangenheit oder beginnt in weniger als zwei Stunden.");
        }

        if (slotStartUtc > now + CallbackHours.BookingHorizon || !hours.IsSlot(slotStartUtc))
        {
            throw new DomainException("callback.notOffered", "Zu dieser Zeit bieten wir keine Rückrufe an.");
        }

        if (place is not { } taken || taken < 1 || taken > hours.Capacity)
        {
            throw new DomainException("callback.full", "Dieses Zeitfenster ist schon voll. Bitte wähle ein anderes.");
        }

        return new CallbackBooking
        {
            Id = Guid.CreateVersion7(),
            TenantId = hours.TenantId,
            SlotStart = DateTime.SpecifyKind(slotStartUtc, DateTimeKind.Utc),
            SlotEnd = DateTime.SpecifyKind(slotStartUtc, DateTimeKind.Utc).AddMinutes(hours.SlotMinutes),
            Place = taken,
            Name = name.Trim(),
            Phone = phone.Trim(),
            Email = email?.Trim() ?? "",
            Language = language,
            CreatedAt = now,
        };
    }

    /// <summary>Cancels and frees the place; cancelling again changes nothing. A callback that has begun cannot be cancelled.</summary>
    public void Cancel(DateTime now)
    {
        if (IsCancelled)
        {
            return;
        }

        if (now >= SlotStart)
        {
            throw new DomainException("callback.started", "Dieser Rückruf hat schon begonnen und kann nicht mehr abgesagt werden.");
        }

        CancelledAt = now;
        Place = null;
    }

    /// <summary>Staff note how the call went; a later note replaces an earlier one.</summary>
    public void Record(CallbackOutcome outcome, string by, DateTime now)
    {
        if (IsCancelled)
        {
            throw new DomainException("callback.cancelled", "Dieser Rückruf wurde abgesagt.");
        }

        Outcome = outcome;
        OutcomeAt = now;
        OutcomeBy = by;
    }

    /// <summary>Bookings whose slot started before this moment are deleted by the retention job.</summary>
    public static DateTime RetentionCutoff(int retentionDays, DateTime now) => now.AddDays(-retentionDays);
}
