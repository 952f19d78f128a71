namespace Platform.Application.Posts;

/// <summary>The widths a cover image is served in (<c>api/v1/posts/{id}/cover?w=</c>); a browser picks one through srcset.</summary>
public static class CoverWidths
{
    public static IReadOnlyList<int> All { get; } = [320, 640, 1024];

    /// <summary>The srcset of <paramref name="cover"/>: every allowed width below its own, and the original.</summary>
    public static string SrcSet(Guid postId, CoverImageInfo cover)
    {
        var versioned = $"api/v1/posts/{postId}/cover?v={cover.Version}";
        var parts = All.Where(w => w < cover.Width).Select(w => $"{versioned}&w={w} {w}w").ToList();
        parts.Add($"{versioned} {cover.Width}w");
        return string.Join(", ", parts);
    }
}
