namespace Platform.Application.Posts;

/// <summary>How the main text of a card is set: a title in bold, or running text (an Instagram slide's key point).</summary>
public enum PostCardStyle
{
    Title,
    Text,
}

/// <summary>
/// What a card is drawn from: its pixels, the small line above the text (the topic), the text, the line at the foot
/// (the jobcenter's name), the initials shown without a logo, and the branding colours as #rrggbb.
/// </summary>
public sealed record PostCardSpec(
    int Width,
    int Height,
    PostCardStyle Style,
    string Kicker,
    string Text,
    string Footer,
    string Initials,
    string Background,
    string Foreground,
    string Accent);

/// <summary>Draws post cards and Instagram slides (port to the image library).</summary>
public interface IPostCardRenderer
{
    /// <summary>
    /// A PNG of exactly <c>spec.Width</c> × <c>spec.Height</c> pixels, or scaled down to <paramref name="width"/> pixels
    /// wide. Text that does not fit is set smaller and, at the smallest size, cut with an ellipsis: any text renders. The
    /// logo that <paramref name="loadLogo"/> returns is drawn in the corner, the initials when it returns null. The result
    /// may come from a cache keyed by <paramref name="cacheKey"/>, which must start with the tenant id and name everything
    /// the card is drawn from; a smaller copy is kept under that key and its width, and is made from the cached full card.
    /// </summary>
    Task<byte[]> RenderAsync(string cacheKey, PostCardSpec spec, Func<Task<byte[]?>> loadLogo, int? width, CancellationToken cancellationToken);
}
