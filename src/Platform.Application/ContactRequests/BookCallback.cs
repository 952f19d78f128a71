using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Reminders;
using Platform.Application.Resources;
using Platform.Domain.Common;
using Platform.Domain.ContactRequests;
using Platform.Domain.Reminders;

namespace Platform.Application.ContactRequests;

/// <summary>
/// A young person books a callback slot: no account, just a phone number and a first name or nickname, the same consent
/// as the contact form, and optionally an e-mail address for the confirmation (with an .ics) and a reminder an hour
/// before. <see cref="Start"/> is the slot's start as <see cref="GetCallbackSlotsQuery"/> gives it.
/// </summary>
public sealed record BookCallbackCommand(DateTimeOffset? Start, string? Name, string? Phone, string? Email, bool Consent) : ICommand<CallbackReceipt>;

/// <remarks><paramref name="CancelUrl"/>: the signed link that cancels the booking (also in the mail).</remarks>
public sealed record CallbackReceipt(Guid Id, DateTime Start, DateTime End, Uri CancelUrl, bool ConfirmationMailed);

public sealed class BookCallbackValidator : AbstractValidator<BookCallbackCommand>
{
    public BookCallbackValidator(IEmailAddressCheck addresses)
    {
        RuleFor(c => c.Start).NotNull().WithMessage(_ => ValidationMessages.Get("Callback.StartRequired"));
        RuleFor(c => c.Name)
            .NotEmpty().WithMessage(_ => ValidationMessages.Get("Callback.NameRequired"))
            .MaximumLength(CallbackBooking.MaxNameLength).WithMessage(_ => ValidationMessages.Get("Contact.NameTooLong"));
        RuleFor(c => c.Phone)
            .NotEmpty().WithMessage(_ => ValidationMessages.Get("Contact.PhoneForCallback"))
            .MaximumLength(CallbackBooking.MaxPhoneLength).WithMessage(_ => ValidationMessages.Get("Contact.PhoneTooLong"))
            .Matches(@"^[0-9 +()/\-]*$").WithMessage(_ => ValidationMessages.Get("Contact.PhoneInvalid"))
            .Must(p => p is null || p.Count(char.IsDigit) >= 5).WithMessage(_ => ValidationMessages.Get("Contact.PhoneTooShort"));
        RuleFor(c => c.Email)
            .MaximumLength(CallbackBooking.MaxEmailLength).WithMessage(_ => ValidationMessages.Get("Contact.EmailTooLong"))
            .EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email)).WithMessage(_ => ValidationMessages.Get("Contact.EmailInvalid"))
            .DependentRules(() => RuleFor(c => c.Email).Deliverable(addresses));
        RuleFor(c => c.Consent).Equal(true).WithMessage(_ => ValidationMessages.Get("Contact.ConsentRequired"));
    }
}

/// <remarks>
/// Race-safe on every provider (ADR-033): the booking takes the lowest free place number of its slot, and a unique
/// index on (tenant, slot, place) lets only one of two racing bookings commit it. The loser starts again, reads the
/// places anew and takes the next one, or is refused once the slot is full. The staff alert and the reminder are saved
/// in the same transaction, so a booking that lost its race leaves nothing behind.
/// </remarks>
public sealed class BookCallbackHandler(
    IAppDbContext db,
    ICurrentTenant current,
    TimeProvider clock,
    StaffAlerter alerts,
    ICallbackCancelTokens tokens,
    ITenantLinks links,
    IDatabaseErrors errors,
    ICallbackConfirmationQueue confirmations) : ICommandHandler<BookCallbackCommand, CallbackReceipt>
{
    public async ValueTask<CallbackReceipt> Handle(BookCallbackCommand command, CancellationToken cancellationToken)
    {
        var tenant = current.Tenant ?? throw new TenantRequiredException();
        var start = command.Start!.Value.UtcDateTime;
        var language = EmailText.Current();
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var hours = await db.CallbackHours.AsNoTracking().SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("callback.notOffered", "Zu dieser Zeit bieten wir keine Rückrufe an.");
            var taken = await db.CallbackBookings.AsNoTracking()
                .Where(b => b.SlotStart == start && b.Place != null)
                .Select(b => b.Place!.Value)
                .ToListAsync(cancellationToken);
            int? place = Enumerable.Range(1, hours.Capacity).Where(p => !taken.Contains(p)).Select(p => (int?)p).FirstOrDefault();
            var booking = CallbackBooking.Book(hours, start, place, command.Name ?? "", command.Phone ?? "", command.Email, command.Consent, now, language);
            db.CallbackBookings.Add(booking);
            if (booking.Email.Length > 0)
            {
                db.ReminderDeliveries.Add(CallbackEmails.Reminder(tenant, booking));
            }

            // The team hears that a callback was booked and when, but neither name nor number: those stay on the page.
            await alerts.AddAsync(
                new StaffAlert(
                    NotificationKind.CallbackBooked, booking.Id, 0, StaffText.Get("Callback.Title"),
                    StaffText.Format("Callback.Text", BerlinTime.ToLocal(booking.SlotStart).ToString("dddd, d. MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("de-DE"))),
                    "/verwaltung/anfragen"),
                cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (attempt <= hours.Capacity + 1 && errors.IsUniqueViolation(exception))
            {
                // Another booking took this place first: forget this attempt and count again.
                ((DbContext)db).ChangeTracker.Clear();
                continue;
            }

            var mailed = booking.Email.Length > 0;
            if (mailed)
            {
                confirmations.Enqueue(booking.Id);
            }

            return new CallbackReceipt(booking.Id, booking.SlotStart, booking.SlotEnd, CancelLink(tenant, booking.Id), mailed);
        }
    }

    private Uri CancelLink(TenantInfo tenant, Guid bookingId) => CallbackEmails.CancelLink(links, tokens, tenant, bookingId);
}
