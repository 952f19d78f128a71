using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Domain.Tenants;

namespace Platform.Application.Tenants;

/// <summary>
/// Impressum and Datenschutzerklärung (the address of the jobcenter's own page, or a text the platform shows at
/// <c>impressum</c> / <c>datenschutz</c>, or both) and the accessibility statement's details. A jobcenter goes live
/// only with both legal pages (ADR-019). Texts are plain text, paragraphs at blank lines; left-out texts are empty.
/// </summary>
public sealed record UpdateLegalTextsCommand(
    string? ImprintUrl,
    string? ImprintText,
    string? PrivacyUrl,
    string? PrivacyText,
    AccessibilityConformance? Conformance,
    string? NonAccessibleContent,
    DateOnly? PreparedOn,
    DateOnly? ReviewedOn,
    string? AssessmentMethod,
    string? EnforcementBody,
    string? AccessibilityNotes) : ICommand;

public sealed class UpdateLegalTextsValidator : AbstractValidator<UpdateLegalTextsCommand>
{
    private const string UrlMessage = "Bitte gib eine vollständige https-Adresse an.";

    public UpdateLegalTextsValidator()
    {
        RuleFor(c => c.ImprintUrl).MaximumLength(500).Must(BeHttpsUrl).WithMessage(UrlMessage);
        RuleFor(c => c.PrivacyUrl).MaximumLength(500).Must(BeHttpsUrl).WithMessage(UrlMessage);
        RuleFor(c => c.ImprintText).MaximumLength(TenantLegalTexts.MaxTextLength);
        RuleFor(c => c.PrivacyText).MaximumLength(TenantLegalTexts.MaxTextLength);
        RuleFor(c => c.NonAccessibleContent).MaximumLength(TenantLegalTexts.MaxTextLength);
        RuleFor(c => c.AccessibilityNotes).MaximumLength(TenantLegalTexts.MaxTextLength);
        RuleFor(c => c.AssessmentMethod).MaximumLength(300);
        RuleFor(c => c.EnforcementBody).MaximumLength(2000);
        RuleFor(c => c.Conformance).NotNull().WithMessage("Bitte gib an, wie weit das Angebot barrierefrei ist (Full, Partial oder None).")
            .IsInEnum().WithMessage("Unbekannter Stand der Vereinbarkeit (Full, Partial oder None).");
        RuleFor(c => c.ReviewedOn).GreaterThanOrEqualTo(c => c.PreparedOn).When(c => c.PreparedOn is not null && c.ReviewedOn is not null)
            .WithMessage("Die letzte Überprüfung kann nicht vor der Erstellung der Erklärung liegen.");
    }

    private static bool BeHttpsUrl(string? url) =>
        string.IsNullOrWhiteSpace(url) || (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps);
}

public sealed class UpdateLegalTextsHandler(IAppDbContext db, ICurrentTenant current, ITenantCatalog catalog, ICurrentUser actor, TimeProvider clock)
    : ICommandHandler<UpdateLegalTextsCommand>
{
    public async ValueTask<Unit> Handle(UpdateLegalTextsCommand c, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleAsync(t => t.Id == current.RequiredId, cancellationToken);
        tenant.ChangeLegalTexts(
            c.ImprintUrl ?? "",
            c.PrivacyUrl ?? "",
            new TenantLegalTexts
            {
                Imprint = Clean(c.ImprintText),
                Privacy = Clean(c.PrivacyText),
                Accessibility = new AccessibilityStatementDetails
                {
                    Conformance = c.Conformance!.Value,
                    NonAccessibleContent = Clean(c.NonAccessibleContent),
                    PreparedOn = c.PreparedOn,
                    ReviewedOn = c.ReviewedOn,
                    Method = Clean(c.AssessmentMethod),
                    EnforcementBody = Clean(c.EnforcementBody),
                    Notes = Clean(c.AccessibilityNotes),
                },
            });
        db.Record(tenant.Id, actor, clock, "legal.changed", "Impressum, Datenschutzerklärung und Erklärung zur Barrierefreiheit geändert");
        await db.SaveChangesAsync(cancellationToken);
        catalog.Invalidate();
        return Unit.Value;
    }

    private static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
