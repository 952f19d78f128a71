using Platform.Application.Common;

namespace Platform.Web.Components.Shared;

/// <summary>The image of a link preview: its address relative to the jobcenter's root, its exact size and its text.</summary>
public sealed record LinkPreviewImage(string Path, int Width, int Height, string Alt)
{
    /// <summary>The jobcenter's 512 px app icon (its logo or initials): the preview image of a page without its own.</summary>
    public static LinkPreviewImage AppIcon(TenantInfo tenant) =>
        new($"app-icon-512.png?v={tenant.Branding.Version}", 512, 512, tenant.DisplayName);
}
