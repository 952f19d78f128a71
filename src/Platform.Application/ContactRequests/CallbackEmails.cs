using System.Globalization;
using System.Text;
using Platform.Application.Common;
using Platform.Application.Events;
using Platform.Application.Resources;
using Platform.Domain.Common;
using Platform.Domain.ContactRequests;
using Platform.Domain.Reminders;

namespace Platform.Application.ContactRequests;

/// <summary>
/// The mails of a booked callback, in the language of the page it was booked on: the confirmation with an .ics, and the
/// reminder an hour before. Like the contact confirmation they repeat nothing the person typed (not even the name).
/// </summary>
public static class CallbackEmails
{
    public static readonly TimeSpan ReminderLead = TimeSpan.FromHours(1);

    public const string CalendarFileName = "rueckruf.ics";

    /// <summary>The signed link of the cancel page, absolute by the platform's one rule for links in mails (<see cref="ITenantLinks"/>).</summary>
    public static Uri CancelLink(ITenantLinks links, ICallbackCancelTokens tokens, TenantInfo tenant, Guid bookingId) =>
        links.Link(tenant, "/rueckruf/absagen?token=" + Uri.EscapeDataString(tokens.Create(tenant.Id, bookingId)));

    public static EmailMessage Confirmation(TenantInfo tenant, CallbackBooking booking, Uri cancelLink, DateTime now)
    {
        var culture = EmailText.Culture(booking.Language);
        var message = BrandedEmail.Compose(
            tenant,
            booking.Email,
            EmailText.Get("Callback.Subject", culture),
            [
                new EmailParagraph(EmailText.Get("Contact.Hello", culture)),
                new EmailParagraph(EmailText.Format("Callback.Booked", culture, tenant.DisplayName, Date(booking.SlotStart, culture), Time(booking.SlotStart, culture))),
                new EmailParagraph(EmailText.Get("Callback.Calendar", culture)),
                new EmailButton(EmailText.Get("Callback.Cancel", culture), cancelLink),
                new EmailParagraph(EmailText.Get("Contact.NotYou", culture)),
            ],
            culture);
        return message with
        {
            MessageIdLocalPart = $"callback-{booking.Id:N}",
            Attachments = [new EmailAttachment(CalendarFileName, ICalendar.ContentType, Encoding.UTF8.GetBytes(Calendar(tenant, booking, cancelLink, now)))],
        };
    }

    /// <summary>The reminder for the outbox, an hour before the slot; the engine adds the cancel link when it sends it.</summary>
    public static ReminderDelivery Reminder(TenantInfo tenant, CallbackBooking booking)
    {
        var culture = EmailText.Culture(booking.Language);
        return ReminderDelivery.ForCallback(
            booking.TenantId,
            booking.Id,
            booking.SlotStart - ReminderLead,
            EmailText.Format("Callback.ReminderSubject", culture, Time(booking.SlotStart, culture)),
            EmailText.Format("Callback.ReminderText", culture, tenant.DisplayName, Time(booking.SlotStart, culture)),
            booking.Language);
    }

    /// <summary>The reminder as a mail: its text and the cancel button, no unsubscribe (it is the one message of this booking).</summary>
    public static EmailMessage ReminderMail(TenantInfo tenant, ReminderDelivery delivery, string to, Uri cancelLink)
    {
        var culture = EmailText.Culture(delivery.Language);
        return BrandedEmail.Compose(
            tenant,
            to,
            delivery.Title,
            [
                new EmailParagraph(delivery.Text),
                new EmailButton(EmailText.Get("Callback.Cancel", culture), cancelLink),
            ],
            culture) with
        {
            MessageIdLocalPart = $"{delivery.Id:N}.{tenant.Slug}.callback",
        };
    }

    /// <summary>One VEVENT in UTC: the slot, in the jobcenter's name.</summary>
    public static string Calendar(TenantInfo tenant, CallbackBooking booking, Uri cancelLink, DateTime now)
    {
        var culture = EmailText.Culture(booking.Language);
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Jobcenter-Plattform//Rueckruf//DE",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            $"UID:{booking.Id:D}@{tenant.Slug}.rueckruf",
            "DTSTAMP:" + ICalendar.Utc(now),
            "DTSTART:" + ICalendar.Utc(booking.SlotStart),
            "DTEND:" + ICalendar.Utc(booking.SlotEnd),
            "SUMMARY:" + ICalendar.Escape(EmailText.Format("Callback.CalendarSummary", culture, tenant.DisplayName)),
            "DESCRIPTION:" + ICalendar.Escape(EmailText.Get("Callback.CalendarDescription", culture) + " " + cancelLink.AbsoluteUri),
            "ORGANIZER;CN=\"" + tenant.DisplayName.Replace("\"", "'", StringComparison.Ordinal) + "\":mailto:"
                + (tenant.Contact.Email.Length > 0 ? tenant.Contact.Email : "noreply@" + tenant.Slug + ".invalid"),
            "END:VEVENT",
            "END:VCALENDAR",
        };
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            ICalendar.Fold(text, line);
        }

        return text.ToString();
    }

    private static string Date(DateTime utc, CultureInfo culture) =>
        BerlinTime.ToLocal(utc).ToString(EmailText.Get("Notify.DatePattern", culture), GregorianCulture.Of(culture));

    private static string Time(DateTime utc, CultureInfo culture) =>
        BerlinTime.ToLocal(utc).ToString(EmailText.Get("Notify.TimePattern", culture), GregorianCulture.Of(culture));
}
