namespace Platform.Application.Accounts;

/// <summary>Claim types the platform adds to every signed-in principal.</summary>
public static class PlatformClaims
{
    /// <summary>The tenant the account belongs to; <see cref="Guid.Empty"/> for platform staff.</summary>
    public const string Tenant = "platform:tenant";

    public const string DisplayName = "platform:name";
}
