using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Domain.Tenants;

namespace Platform.Application.Tenants;

/// <summary>
/// The website origins allowed to show the jobcenter's widget (<c>/einbetten</c>) in a frame, replaced as a whole:
/// <c>https://host[:port]</c> only (ADR-027). An empty list lets no site embed it.
/// </summary>
public sealed record UpdateEmbedOriginsCommand(IReadOnlyList<string> Origins) : ICommand;

public sealed class UpdateEmbedOriginsValidator : AbstractValidator<UpdateEmbedOriginsCommand>
{
    public UpdateEmbedOriginsValidator(IOptions<EmbedOptions> options)
    {
        var loopbackHttp = options.Value.AllowLoopbackHttp;
        RuleFor(c => c.Origins).NotNull()
            .Must(o => o is null || o.Count <= EmbedOrigin.MaxCount)
            .WithMessage(_ => ValidationMessages.Format("Embed.TooManyOrigins", EmbedOrigin.MaxCount));
        RuleForEach(c => c.Origins)
            .Must(o => EmbedOrigin.Normalize(o, loopbackHttp) is not null)
            .WithMessage((_, origin) => ValidationMessages.Format("Embed.OriginInvalid", origin));
    }
}

public sealed class UpdateEmbedOriginsHandler(
    IAppDbContext db, ICurrentTenant current, ITenantCatalog catalog, ICurrentUser actor, TimeProvider clock, IOptions<EmbedOptions> options)
    : ICommandHandler<UpdateEmbedOriginsCommand>
{
    public async ValueTask<Unit> Handle(UpdateEmbedOriginsCommand command, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleAsync(t => t.Id == current.RequiredId, cancellationToken);
        var origins = command.Origins.Select(o => EmbedOrigin.Normalize(o, options.Value.AllowLoopbackHttp)!).Distinct(StringComparer.Ordinal).ToList();
        tenant.ChangeEmbedOrigins(origins);
        db.Record(tenant.Id, actor, clock, "embed.originsChanged",
            origins.Count == 0 ? "Einbetten: keine Website erlaubt" : $"Einbetten erlaubt für {string.Join(", ", origins)}");
        await db.SaveChangesAsync(cancellationToken);
        catalog.Invalidate();
        return Unit.Value;
    }
}
