using System.Globalization;
using System.Text;

namespace Platform.Application.Posts;

/// <summary>The sizes a post card is drawn in: Instagram portrait, square, and link preview.</summary>
public enum PostCardSize
{
    Preview,
    Square,
    Portrait,
}

/// <summary>
/// Where a post card is served (<c>api/v1/posts/{id}/card?size=&amp;v=&amp;w=</c>) and in which sizes; the card stands in
/// for the cover of a post that has none, with a srcset of <see cref="CoverWidths.All"/> like a cover.
/// </summary>
public static class PostCards
{
    public static IReadOnlyList<PostCardSize> Sizes { get; } = [PostCardSize.Preview, PostCardSize.Square, PostCardSize.Portrait];

    /// <summary>Pixels of <paramref name="size"/>.</summary>
    public static (int Width, int Height) Dimensions(PostCardSize size) => size switch
    {
        PostCardSize.Square => (1080, 1080),
        PostCardSize.Portrait => (1080, 1350),
        _ => (1200, 630),
    };

    /// <summary>The size as the address names it, for example <c>1200x630</c>.</summary>
    public static string Name(PostCardSize size)
    {
        var (width, height) = Dimensions(size);
        return string.Create(CultureInfo.InvariantCulture, $"{width}x{height}");
    }

    public static bool TryParse(string? text, out PostCardSize size)
    {
        foreach (var candidate in Sizes)
        {
            if (string.Equals(text, Name(candidate), StringComparison.Ordinal))
            {
                size = candidate;
                return true;
            }
        }

        size = PostCardSize.Preview;
        return false;
    }

    /// <summary>The version in a card's address: changes with the post's content and with the jobcenter's branding.</summary>
    public static string Version(int contentVersion, int brandingVersion) =>
        string.Create(CultureInfo.InvariantCulture, $"{contentVersion}-{brandingVersion}");

    /// <summary>Where the card is served, relative to the tenant's root; <paramref name="width"/> for a smaller copy.</summary>
    public static string Path(Guid postId, string version, PostCardSize size = PostCardSize.Preview, int? width = null)
    {
        var path = $"api/v1/posts/{postId}/card?size={Name(size)}&v={Uri.EscapeDataString(version)}";
        return width is { } w ? string.Create(CultureInfo.InvariantCulture, $"{path}&w={w}") : path;
    }

    /// <summary>The srcset of a card of <paramref name="size"/>: every allowed width below its own, and the card itself.</summary>
    public static string SrcSet(Guid postId, string version, PostCardSize size = PostCardSize.Preview)
    {
        var full = Dimensions(size).Width;
        var parts = CoverWidths.All.Where(w => w < full).Select(w => $"{Path(postId, version, size, w)} {w}w").ToList();
        parts.Add($"{Path(postId, version, size)} {full}w");
        return string.Join(", ", parts);
    }

    /// <summary>
    /// <paramref name="text"/> cut to at most <paramref name="max"/> characters with an ellipsis, never inside a letter
    /// made of several characters (an emoji, a letter with a combining mark).
    /// </summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var kept = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && kept.Length + elements.GetTextElement().Length <= max - 1)
        {
            kept.Append(elements.GetTextElement());
        }

        return kept.ToString().TrimEnd() + "…";
    }
}
