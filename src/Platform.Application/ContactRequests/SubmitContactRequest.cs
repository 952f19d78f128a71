using FluentValidation;
using Mediator;
using Platform.Application.Common;
using Platform.Application.Reminders;
using Platform.Application.Resources;
using Platform.Domain.ContactRequests;
using Platform.Domain.Reminders;

namespace Platform.Application.ContactRequests;

/// <summary>
/// The contact form: a question, a callback request or a reported barrier for the current jobcenter's staff inbox.
/// Asks for the minimum: a reply address only where the type needs one, and consent to processing.
/// </summary>
public sealed record SubmitContactRequestCommand(
    string? Type,
    string? Name,
    string? Email,
    string? Phone,
    string? Message,
    bool Consent) : ICommand<ContactRequestReceipt>;

/// <remarks><paramref name="ConfirmationMailed"/>: true when a confirmation e-mail is on its way to the address given.</remarks>
public sealed record ContactRequestReceipt(Guid Id, string Type, bool ConfirmationMailed);

public sealed class SubmitContactRequestValidator : AbstractValidator<SubmitContactRequestCommand>
{
    public SubmitContactRequestValidator(IEmailAddressCheck addresses)
    {
        RuleFor(c => c.Type)
            .Must(t => ContactRequestTypes.TryParse(t, out _))
            .WithMessage(_ => ValidationMessages.Format("Contact.TypeRequired", string.Join(", ", ContactRequestTypes.Names)));
        RuleFor(c => c.Name).MaximumLength(60).WithMessage(_ => ValidationMessages.Get("Contact.NameTooLong"));
        RuleFor(c => c.Email)
            .MaximumLength(254).WithMessage(_ => ValidationMessages.Get("Contact.EmailTooLong"))
            .EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email)).WithMessage(_ => ValidationMessages.Get("Contact.EmailInvalid"))
            .DependentRules(() => RuleFor(c => c.Email).Deliverable(addresses));
        RuleFor(c => c.Email)
            .NotEmpty()
            .When(c => Is(c, ContactRequestType.Question) && string.IsNullOrWhiteSpace(c.Phone))
            .WithMessage(_ => ValidationMessages.Get("Contact.EmailOrPhone"));
        RuleFor(c => c.Phone)
            .MaximumLength(40).WithMessage(_ => ValidationMessages.Get("Contact.PhoneTooLong"))
            .Matches(@"^[0-9 +()/\-]*$").WithMessage(_ => ValidationMessages.Get("Contact.PhoneInvalid"))
            .Must(p => p is null || p.Count(char.IsDigit) >= 5 || p.Trim().Length == 0).WithMessage(_ => ValidationMessages.Get("Contact.PhoneTooShort"));
        RuleFor(c => c.Phone)
            .NotEmpty()
            .When(c => Is(c, ContactRequestType.Callback))
            .WithMessage(_ => ValidationMessages.Get("Contact.PhoneForCallback"));
        RuleFor(c => c.Message)
            .NotEmpty().WithMessage(_ => ValidationMessages.Get("Contact.MessageRequired"))
            .MaximumLength(ContactRequest.MaxMessageLength).WithMessage(_ => ValidationMessages.Format("Contact.MessageTooLong", ContactRequest.MaxMessageLength));
        RuleFor(c => c.Consent)
            .Equal(true)
            .WithMessage(_ => ValidationMessages.Get("Contact.ConsentRequired"));
    }

    private static bool Is(SubmitContactRequestCommand c, ContactRequestType type) =>
        ContactRequestTypes.TryParse(c.Type, out var parsed) && parsed == type;
}

public sealed class SubmitContactRequestHandler(
    IAppDbContext db, ICurrentTenant current, TimeProvider clock, IContactConfirmationQueue confirmations, PlatformMetrics metrics, StaffAlerter alerts)
    : ICommandHandler<SubmitContactRequestCommand, ContactRequestReceipt>
{
    public async ValueTask<ContactRequestReceipt> Handle(SubmitContactRequestCommand command, CancellationToken cancellationToken)
    {
        // The validator has already refused an unknown type.
        var type = ContactRequestTypes.TryParse(command.Type, out var parsed) ? parsed : ContactRequestType.Question;
        var request = ContactRequest.Submit(
            current.RequiredId, type, command.Name, command.Email, command.Phone, command.Message ?? "", command.Consent, clock.GetUtcNow().UtcDateTime, EmailText.Current());
        db.ContactRequests.Add(request);

        // The staff who read the inbox hear that something came, but not what: the message stays in the inbox.
        await alerts.AddAsync(
            new StaffAlert(
                NotificationKind.ContactRequest, request.Id, 0, StaffText.Get($"Contact.{type}"), StaffText.Get("Contact.Text"),
                $"/verwaltung/anfragen/{request.Id}"),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        metrics.ContactRequestReceived(request.TenantId);

        // Only after the commit: the job reads the stored request.
        var mailed = request.Email.Length > 0;
        if (mailed)
        {
            confirmations.Enqueue(request.Id);
        }

        return new ContactRequestReceipt(request.Id, ContactRequestTypes.Name(type), mailed);
    }
}

/// <summary>The names of the request types in the API ("question", "callback", "barrier") and for people.</summary>
public static class ContactRequestTypes
{
    public static IReadOnlyList<string> Names { get; } = ["question", "callback", "barrier"];

    public static bool TryParse(string? value, out ContactRequestType type)
    {
        type = ContactRequestType.Question;
        var index = Names.ToList().FindIndex(n => string.Equals(n, value?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return false;
        }

        type = (ContactRequestType)index;
        return true;
    }

    public static string Name(ContactRequestType type) => Names[(int)type];

    public static string GermanName(ContactRequestType type) => type switch
    {
        ContactRequestType.Callback => "Rückruf",
        ContactRequestType.Barrier => "Barriere gemeldet",
        _ => "Frage",
    };
}

/// <summary>
/// Port: queues the confirmation e-mail for a stored request of the current tenant and returns at once; a job
/// writes and sends it, retrying while the mail server is down.
/// </summary>
public interface IContactConfirmationQueue
{
    void Enqueue(Guid contactRequestId);
}
