using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Domain.Tenants;

namespace Platform.Application.Tenants;

/// <summary>What a new jobcenter still has to set up: shown to its TenantAdmins on Verwaltung until all is done.</summary>
public sealed record GetStarterChecklistQuery : IQuery<StarterChecklist>;

/// <remarks>
/// <para><paramref name="Colours"/>: other colours than the platform's defaults.</para>
/// <para><paramref name="Team"/>: someone besides the first TenantAdmin is on the team.</para>
/// </remarks>
public sealed record StarterChecklist(bool Logo, bool Colours, bool ContactData, bool LegalPages, bool FirstPost, bool Team)
{
    public bool Done => Logo && Colours && ContactData && LegalPages && FirstPost && Team;
}

public sealed class GetStarterChecklistHandler(IAppDbContext db, ICurrentTenant current, IAccountService accounts)
    : IQueryHandler<GetStarterChecklistQuery, StarterChecklist>
{
    public async ValueTask<StarterChecklist> Handle(GetStarterChecklistQuery query, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == current.RequiredId, cancellationToken);
        var defaults = new TenantBranding();
        var hasPost = await db.Posts.AnyAsync(cancellationToken);
        var staff = await accounts.ListStaffAsync(cancellationToken);
        return new StarterChecklist(
            Logo: tenant.Branding.HasLogo,
            Colours: tenant.Branding.PrimaryColor != defaults.PrimaryColor || tenant.Branding.AccentColor != defaults.AccentColor,
            ContactData: (tenant.Contact.Phone.Length > 0 || tenant.Contact.Email.Length > 0) && tenant.Contact.Address.Length > 0,
            LegalPages: tenant.Links.HasImprint && tenant.Links.HasPrivacy,
            FirstPost: hasPost,
            Team: staff.Count > 1);
    }
}
