using Microsoft.AspNetCore.Identity;
using Platform.Application.Resources;
using Platform.Domain.Common;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// An account. It belongs to one tenant (young people and jobcenter staff) or, with <see cref="Guid.Empty"/> as
/// tenant, to the platform itself (PlatformAdmins). The same e-mail address may hold accounts in several tenants.
/// </summary>
public sealed class PlatformUser : IdentityUser<Guid>, ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>How the person wants to be addressed; no real name is asked for.</summary>
    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>The person confirmed being 16 or older; consent-based features stay off until then.</summary>
    [PersonalData]
    public bool ConfirmedAtLeast16 { get; set; }

    /// <summary>When the person confirmed being 16 or older (at registration or later in "Meine Daten").</summary>
    [PersonalData]
    public DateTime? ConfirmedAtLeast16At { get; set; }

    [PersonalData]
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// The language of the person's e-mails: the UI language they registered in, and then the one they last signed in
    /// with (<see cref="PlatformSignInManager"/>). A mail someone else triggers (a reset request) keeps to it.
    /// </summary>
    [PersonalData]
    public string Language { get; set; } = EmailText.DefaultLanguage;
}
