using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Domain.ContactRequests;
using Platform.Domain.Tenants;

namespace Platform.Application.Tenants;

/// <summary>
/// Contact data, links and the postcodes the jobcenter serves; optionally how many days contact requests are kept
/// (7 to 365; unchanged when left out). Impressum, Datenschutzerklärung and the accessibility statement's notes are
/// unchanged when left out: they belong to <see cref="UpdateLegalTextsCommand"/>. The Video-Check's hint and link for the
/// jobcenter's video-consultation tool are unchanged when left out (null) and removed when empty.
/// </summary>
public sealed record UpdateContactCommand(
    string? Phone,
    string? Email,
    string? Address,
    string? OpeningHours,
    string? AppointmentUrl,
    string? OnlineApplicationUrl,
    string? ImprintUrl,
    string? PrivacyUrl,
    string? AccessibilityStatement,
    IReadOnlyList<string>? Postcodes,
    int? ContactRetentionDays = null,
    string? VideoConsultationHint = null,
    string? VideoConsultationUrl = null) : ICommand;

public sealed class UpdateContactValidator : AbstractValidator<UpdateContactCommand>
{
    public UpdateContactValidator()
    {
        RuleFor(c => c.Phone).MaximumLength(40).Matches(@"^[0-9 +()/\-–]*$").WithMessage("Die Telefonnummer enthält ungültige Zeichen.");
        RuleFor(c => c.Email).EmailAddress().When(c => !string.IsNullOrEmpty(c.Email)).WithMessage("Das ist keine gültige E-Mail-Adresse.");
        RuleFor(c => c.Address).MaximumLength(300);
        RuleFor(c => c.OpeningHours).MaximumLength(300);
        RuleFor(c => c.AccessibilityStatement).MaximumLength(20_000);
        RuleFor(c => c.AppointmentUrl).Must(BeHttpsUrl).WithMessage(UrlMessage);
        RuleFor(c => c.OnlineApplicationUrl).Must(BeHttpsUrl).WithMessage(UrlMessage);
        RuleFor(c => c.VideoConsultationUrl).Must(BeHttpsUrl).WithMessage(UrlMessage);
        RuleFor(c => c.VideoConsultationHint).MaximumLength(TenantContact.VideoConsultationHintMaxLength)
            .WithMessage($"Der Hinweis zum Video-Termin hat höchstens {TenantContact.VideoConsultationHintMaxLength} Zeichen.");
        RuleFor(c => c.ImprintUrl).Must(BeHttpsUrl).WithMessage(UrlMessage);
        RuleFor(c => c.PrivacyUrl).Must(BeHttpsUrl).WithMessage(UrlMessage);
        RuleFor(c => c.ContactRetentionDays)
            .InclusiveBetween(ContactRequest.MinRetentionDays, ContactRequest.MaxRetentionDays)
            .WithMessage($"Anfragen werden zwischen {ContactRequest.MinRetentionDays} und {ContactRequest.MaxRetentionDays} Tagen aufbewahrt.");
        RuleForEach(c => c.Postcodes).Matches("^[0-9]{5}$").WithMessage("'{PropertyValue}' ist keine Postleitzahl (5 Ziffern).");
    }

    private const string UrlMessage = "Bitte gib eine vollständige https-Adresse an.";

    private static bool BeHttpsUrl(string? url) =>
        string.IsNullOrEmpty(url) || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps);
}

public sealed class UpdateContactHandler(IAppDbContext db, ICurrentTenant current, ITenantCatalog catalog, ICurrentUser actor, TimeProvider clock)
    : ICommandHandler<UpdateContactCommand>
{
    public async ValueTask<Unit> Handle(UpdateContactCommand c, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleAsync(t => t.Id == current.RequiredId, cancellationToken);
        tenant.ChangeContact(
            new TenantContact
            {
                Phone = c.Phone?.Trim() ?? "",
                Email = c.Email?.Trim() ?? "",
                Address = c.Address?.Trim() ?? "",
                OpeningHours = c.OpeningHours?.Trim() ?? "",
                AppointmentUrl = c.AppointmentUrl?.Trim() ?? "",
                VideoConsultationHint = c.VideoConsultationHint?.Trim() ?? tenant.Contact.VideoConsultationHint,
                VideoConsultationUrl = c.VideoConsultationUrl?.Trim() ?? tenant.Contact.VideoConsultationUrl,
            },
            tenant.Links with
            {
                // The legal pages have their own form and command (UpdateLegalTexts): left out here, they stay.
                ImprintUrl = c.ImprintUrl?.Trim() ?? tenant.Links.ImprintUrl,
                PrivacyUrl = c.PrivacyUrl?.Trim() ?? tenant.Links.PrivacyUrl,
                OnlineApplicationUrl = c.OnlineApplicationUrl?.Trim() ?? "",
                Texts = c.AccessibilityStatement is null
                    ? tenant.Links.Texts
                    : tenant.Links.Texts with { Accessibility = tenant.Links.Texts.Accessibility with { Notes = c.AccessibilityStatement.Trim() } },
            },
            c.Postcodes ?? []);
        if (c.ContactRetentionDays is { } days)
        {
            tenant.ChangeContactRetention(days);
        }

        db.Record(tenant.Id, actor, clock, "contact.changed", "Kontaktdaten, Links und Postleitzahlen geändert");
        await db.SaveChangesAsync(cancellationToken);
        catalog.Invalidate();
        return Unit.Value;
    }
}
