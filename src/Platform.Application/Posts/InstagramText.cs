using System.Globalization;
using System.Resources;

namespace Platform.Application.Posts;

/// <summary>
/// The texts the Instagram kit puts on slides, into alt texts and into the caption (<c>InstagramText.resx</c>). They
/// are the jobcenter's own German content, like its posts, so they are read in German whatever the editor's UI language.
/// </summary>
public static class InstagramText
{
    private static readonly ResourceManager Resources = new("Platform.Application.Posts.InstagramText", typeof(InstagramText).Assembly);

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de");

    public static string Get(string key) => Resources.GetString(key, German) ?? key;

    public static string Format(string key, params object?[] args) => string.Format(German, Get(key), args);
}
