namespace Platform.Application.Posts;

/// <summary>The widths a cover image is served in (<c>api/v1/posts/{id}/cover?w=</c>); a browser picks one through srcset.</summary>
public static class CoverWidths
{
    public static IReadOnlyList<int> All { get; } = [320, 640, 1024];

    /// <summary>Where <paramref name="cover"/> is served, relative to the tenant's root; <paramref name="width"/> for a smaller copy.</summary>
    public static string Path(Guid postId, CoverImageInfo cover, int? width = null) =>
        width is { } w ? $"api/v1/posts/{postId}/cover?v={cover.Version}&w={w}" : $"api/v1/posts/{postId}/cover?v={cover.Version}";

    /// <summary>The srcset of <paramref name="cover"/>: every allowed width below its own, and the original.</summary>
    public static string SrcSet(Guid postId, CoverImageInfo cover)
    {
        var parts = All.Where(w => w < cover.Width).Select(w => $"{Path(postId, cover, w)} {w}w").ToList();
        parts.Add($"{Path(postId, cover)} {cover.Width}w");
        return string.Join(", ", parts);
    }
}
