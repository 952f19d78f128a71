using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Accounts;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Domain.Tenants;

namespace Platform.Application.Tenants;

/// <summary>
/// A PlatformAdmin adds a jobcenter: it starts in onboarding (only its staff see it), and its first TenantAdmin
/// is invited by e-mail (<see cref="InviteFirstTenantAdminCommand"/>, sent as the new tenant).
/// </summary>
public sealed record OnboardTenantCommand(string Slug, string DisplayName, IReadOnlyList<string>? Hostnames, string AdminEmail)
    : ICommand<OnboardedTenant>;

public sealed record OnboardedTenant(Guid TenantId, string Slug, IssuedInvitation Invitation);

public sealed class OnboardTenantValidator : AbstractValidator<OnboardTenantCommand>
{
    public OnboardTenantValidator(IEmailAddressCheck addresses)
    {
        RuleFor(c => c.Slug)
            .Must(Tenant.IsValidSlug)
            .WithMessage("Kürzel: 3–40 Kleinbuchstaben, Ziffern oder Bindestriche, kein reserviertes Wort (z. B. www, api, admin, jobs).");
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Bitte gib den Namen des Jobcenters an.").MaximumLength(120);
        RuleForEach(c => c.Hostnames)
            .Must(h => Uri.CheckHostName(h) == UriHostNameType.Dns && h.Contains('.', StringComparison.Ordinal))
            .WithMessage("'{PropertyValue}' ist kein gültiger Hostname.");
        RuleFor(c => c.AdminEmail).NotEmpty().EmailAddress().WithMessage("Bitte gib eine gültige E-Mail-Adresse für die Leitung an.")
            .DependentRules(() => RuleFor(c => c.AdminEmail).Deliverable(addresses));
    }
}

public sealed class OnboardTenantHandler(
    IAppDbContext db, ITenantCatalog catalog, ITenantScopeRunner tenants, TimeProvider clock)
    : ICommandHandler<OnboardTenantCommand, OnboardedTenant>
{
    public async ValueTask<OnboardedTenant> Handle(OnboardTenantCommand command, CancellationToken cancellationToken)
    {
        if (await db.Tenants.AnyAsync(t => t.Slug == command.Slug, cancellationToken))
        {
            throw SlugTaken();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var tenant = Tenant.Onboard(command.Slug, command.DisplayName, command.Hostnames ?? [], now);
        db.Tenants.Add(tenant);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A second onboarding with the same slug may have won the race between our check and our insert: the
            // unique index refused this one, which is the same answer as the check above.
            if (await db.Tenants.AsNoTracking().AnyAsync(t => t.Slug == command.Slug && t.Id != tenant.Id, cancellationToken))
            {
                throw SlugTaken();
            }

            throw;
        }

        catalog.Invalidate();

        await tenants.SendAsync(tenant.Id, new RecordAuditEntryCommand("tenant.created", $"{tenant.DisplayName} ({tenant.Slug})"), cancellationToken);
        var invitation = await tenants.SendAsync(tenant.Id, new InviteFirstTenantAdminCommand(command.AdminEmail), cancellationToken);
        return new OnboardedTenant(tenant.Id, tenant.Slug, invitation);
    }

    private static ValidationException SlugTaken() =>
        new([new ValidationFailure(nameof(OnboardTenantCommand.Slug), "Dieses Kürzel ist schon vergeben.")]);
}
