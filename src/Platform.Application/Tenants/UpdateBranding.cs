using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Domain.Tenants;

namespace Platform.Application.Tenants;

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
