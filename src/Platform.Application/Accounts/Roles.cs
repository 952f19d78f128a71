namespace Platform.Application.Accounts;

/// <summary>
/// The roles of the platform. PlatformAdmin has no tenant; every other role is held inside the one tenant its
/// account belongs to. Young people are accounts of a tenant without a staff role.
/// </summary>
public static class Roles
{
    public const string PlatformAdmin = nameof(PlatformAdmin);
    public const string TenantAdmin = nameof(TenantAdmin);
    public const string Editor = nameof(Editor);
    public const string Reviewer = nameof(Reviewer);
    public const string NetworkEditor = nameof(NetworkEditor);

    public static IReadOnlyList<string> All { get; } = [PlatformAdmin, TenantAdmin, Editor, Reviewer, NetworkEditor];

    public static IReadOnlyList<string> Staff { get; } = [TenantAdmin, Editor, Reviewer, NetworkEditor];
}
