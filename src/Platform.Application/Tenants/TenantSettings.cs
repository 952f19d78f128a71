using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Domain.ContactRequests;
using Platform.Domain.Tenants;

namespace Platform.Application.Tenants;

/// <summary>The current tenant's settings as its TenantAdmin edits them.</summary>
public sealed record GetTenantSettingsQuery : IQuery<TenantSettings>;

public sealed record TenantSettings(
    string Slug,
    string DisplayName,
    TenantStatus Status,
    TenantBranding Branding,
    TenantContact Contact,
    TenantLinks Links,
    IReadOnlyList<string> Postcodes,
    int ContactRetentionDays,
    bool FourEyesRule);

public sealed class GetTenantSettingsHandler(IAppDbContext db, ICurrentTenant current) : IQueryHandler<GetTenantSettingsQuery, TenantSettings>
{
    public async ValueTask<TenantSettings> Handle(GetTenantSettingsQuery query, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == current.RequiredId, cancellationToken);
        return new TenantSettings(tenant.Slug, tenant.DisplayName, tenant.Status, tenant.Branding, tenant.Contact, tenant.Links, [.. tenant.PostcodeList], tenant.ContactRetentionDays, tenant.FourEyesRule);
    }
}

/// <summary>Name, colours and logo text; colours must carry readable text (WCAG AA, 4.5:1).</summary>
public sealed record UpdateBrandingCommand(string DisplayName, string PrimaryColor, string AccentColor, string? LogoText) : ICommand;

public sealed class UpdateBrandingValidator : AbstractValidator<UpdateBrandingCommand>
{
    public UpdateBrandingValidator()
    {
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Bitte gib den Namen des Jobcenters an.").MaximumLength(120);
        RuleFor(c => c.PrimaryColor).Must(ColorContrast.IsUsablePrimary)
            .WithMessage("Die Hauptfarbe (#rrggbb) wird auch für Links auf weißem Grund benutzt und braucht dort einen Kontrast von mindestens 4,5:1 (WCAG AA). Wähle einen dunkleren Ton.");
        RuleFor(c => c.AccentColor).Must(ColorContrast.IsUsableAccent)
            .WithMessage("Die Akzentfarbe (#rrggbb) muss Text darauf mit einem Kontrast von mindestens 4,5:1 (WCAG AA) tragen.");
        RuleFor(c => c.LogoText).MaximumLength(8).WithMessage("Das Logo-Kürzel hat höchstens 8 Zeichen.");
    }

}

public sealed class UpdateBrandingHandler(IAppDbContext db, ICurrentTenant current, ITenantCatalog catalog, ICurrentUser actor, TimeProvider clock)
    : ICommandHandler<UpdateBrandingCommand>
{
    public async ValueTask<Unit> Handle(UpdateBrandingCommand command, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleAsync(t => t.Id == current.RequiredId, cancellationToken);
        tenant.Rename(command.DisplayName);
        tenant.ChangeBranding(command.PrimaryColor, command.AccentColor, command.LogoText ?? tenant.Branding.LogoText);
        db.Record(tenant.Id, actor, clock, "branding.changed", $"{tenant.DisplayName}: {tenant.Branding.PrimaryColor} / {tenant.Branding.AccentColor}");
        await db.SaveChangesAsync(cancellationToken);
        catalog.Invalidate();
        return Unit.Value;
    }
}

/// <summary>The editorial rules: whether a post needs someone other than its author to approve it (four-eyes rule).</summary>
public sealed record UpdateEditorialRulesCommand(bool FourEyesRule) : ICommand;

public sealed class UpdateEditorialRulesHandler(IAppDbContext db, ICurrentTenant current, ICurrentUser actor, TimeProvider clock)
    : ICommandHandler<UpdateEditorialRulesCommand>
{
    public async ValueTask<Unit> Handle(UpdateEditorialRulesCommand command, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleAsync(t => t.Id == current.RequiredId, cancellationToken);
        tenant.ChangeEditorialRules(command.FourEyesRule);
        db.Record(tenant.Id, actor, clock, "editorial.rulesChanged", command.FourEyesRule ? "Vier-Augen-Prinzip an" : "Vier-Augen-Prinzip aus");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>
/// Contact data, links and the postcodes the jobcenter serves; optionally how many days contact requests are kept
/// (7 to 365; unchanged when left out). Impressum, Datenschutzerklärung and the accessibility statement's notes are
/// unchanged when left out: they belong to <see cref="UpdateLegalTextsCommand"/>.
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
    int? ContactRetentionDays = null) : ICommand;

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

/// <summary>Uploads the logo: PNG or JPEG recognised by content, at most 512 KB. SVG is refused.</summary>
public sealed record UploadLogoCommand(byte[] Content) : ICommand;

public sealed class UploadLogoValidator : AbstractValidator<UploadLogoCommand>
{
    public UploadLogoValidator()
    {
        RuleFor(c => c.Content)
            .Must(b => b.Length is > 0 and <= TenantLogo.MaxBytes)
            .WithMessage($"Das Logo darf höchstens {TenantLogo.MaxBytes / 1024} KB groß sein.")
            .Must(b => ImageSniffer.Detect(b) is not null)
            .WithMessage("Das Logo muss ein PNG- oder JPEG-Bild sein (bis 4096 × 4096 Pixel). SVG und andere Formate gehen nicht.")
            .OverridePropertyName("logo");
    }
}

public sealed class UploadLogoHandler(
    IAppDbContext db, ICurrentTenant current, ITenantCatalog catalog, ICurrentUser actor, TimeProvider clock, Posts.IImageProcessor images)
    : ICommandHandler<UploadLogoCommand>
{
    public async ValueTask<Unit> Handle(UploadLogoCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var image = images.Reencode(command.Content, "logo");
        var tenant = await db.Tenants.SingleAsync(t => t.Id == current.RequiredId, cancellationToken);
        var logo = await db.TenantLogos.SingleOrDefaultAsync(cancellationToken);
        if (logo is null)
        {
            db.TenantLogos.Add(TenantLogo.Create(tenant.Id, image.ContentType, image.Content, now));
        }
        else
        {
            logo.Replace(image.ContentType, image.Content, now);
        }

        tenant.LogoChanged();
        db.Record(tenant.Id, actor, clock, "logo.changed", $"{image.ContentType}, {image.Content.Length} Bytes");
        await db.SaveChangesAsync(cancellationToken);
        catalog.Invalidate();
        return Unit.Value;
    }
}
