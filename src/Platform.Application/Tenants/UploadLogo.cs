using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Tenants;

namespace Platform.Application.Tenants;

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
    IAppDbContext db, ICurrentTenant current, ITenantCatalog catalog, ICurrentUser actor, TimeProvider clock, IImageProcessor images)
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
