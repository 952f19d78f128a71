using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>One slide of the kit: how it is drawn and what its alt text says.</summary>
public sealed record InstagramSlidePlan(PostCardSpec Spec, string AltText);

/// <summary>
/// Turns a post into Instagram slides (1080×1350) and a caption. A short post is one title card; a longer one a
/// carousel of at most <see cref="MaxSlides"/>: the title card, the body's key points (list items, headings, paragraphs)
/// in slide-sized chunks, and a last slide pointing to the link in the bio with the jobcenter's short address.
/// </summary>
public static partial class InstagramSlides
{
    public const int MaxSlides = 10;
    public const int MaxCaptionLength = 2200;
    public const int Width = 1080;
    public const int Height = 1350;

    /// <summary>Characters of body text a slide holds; a body of at most this many stays on the title card.</summary>
    private const int SlideChars = 240;
    private const int ShortBody = 120;

    public static IReadOnlyList<InstagramSlidePlan> Plan(PostContent content, TenantInfo tenant, TopicSet topics, string host)
    {
        var topicLine = GetPostCardHandler.TopicLine(topics, content.Topics);
        var title = GetPostCardHandler.Spec(tenant, Width, Height, PostCardStyle.Title, topicLine, content.Title);
        var slides = new List<InstagramSlidePlan>
        {
            new(title, InstagramText.Format("TitleAlt", content.Title, topicLine, tenant.DisplayName)),
        };
        var points = KeyPoints(content.BodyMarkdown);
        if (points.Sum(p => p.Length) <= ShortBody)
        {
            return slides;
        }

        var chunks = Chunks(points).Take(MaxSlides - 2).ToList();
        var total = chunks.Count + 2;
        foreach (var chunk in chunks)
        {
            var number = slides.Count + 1;
            var kicker = string.Create(CultureInfo.InvariantCulture, $"{number}/{total} · {content.Title}");
            slides.Add(new(
                GetPostCardHandler.Spec(tenant, Width, Height, PostCardStyle.Text, kicker, chunk),
                InstagramText.Format("TextAlt", number, total, chunk.Replace("\n", " ", StringComparison.Ordinal))));
        }

        var last = GetPostCardHandler.Spec(tenant, Width, Height, PostCardStyle.Title, host, InstagramText.Get("LastSlide"));
        slides.Add(new(last, InstagramText.Format("LastAlt", host)));
        return slides;
    }

    /// <summary>
    /// Plain text for Instagram, which shows no links: the title, the summary, the link-in-bio hint and a hashtag per
    /// topic; every web address taken out; at most <see cref="MaxCaptionLength"/> characters.
    /// </summary>
    public static string Caption(PostContent content, TopicSet topics)
    {
        var hashtags = string.Join(" ", topics.All
            .Where(t => t.Flag != Topics.None && (content.Topics & t.Flag) == t.Flag)
            .Select(t => "#" + NotInHashtag().Replace(t.DisplayName ?? t.Key, ""))
            .Where(t => t.Length > 1)
            .Distinct(StringComparer.OrdinalIgnoreCase));
        var tail = $"\n\n{InstagramText.Get("CaptionHint")}" + (hashtags.Length > 0 ? $"\n\n{hashtags}" : "");
        var head = WithoutAddresses(content.Title) + "\n\n" + WithoutAddresses(content.Summary);
        return PostCards.Shorten(head, MaxCaptionLength - tail.Length) + tail;
    }

    /// <summary>The body's key points as plain text: list items and headings one each, paragraphs joined into one.</summary>
    public static IReadOnlyList<string> KeyPoints(string markdown)
    {
        var points = new List<string>();
        var paragraph = new StringBuilder();
        void EndParagraph()
        {
            if (paragraph.Length > 0)
            {
                points.Add(paragraph.ToString());
                paragraph.Clear();
            }
        }

        foreach (var raw in markdown.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            var item = ListMarker().Match(line);
            if (line.Length == 0)
            {
                EndParagraph();
            }
            else if (line.StartsWith('#') || item.Success)
            {
                EndParagraph();
                var text = Plain(item.Success ? line[item.Length..] : line.TrimStart('#'));
                if (text.Length > 0)
                {
                    points.Add(item.Success ? "• " + text : text);
                }
            }
            else if (Plain(line) is { Length: > 0 } text)
            {
                paragraph.Append(paragraph.Length > 0 ? " " : "").Append(text);
            }
        }

        EndParagraph();
        return points;
    }

    /// <summary>Key points packed into slides of at most <see cref="SlideChars"/> characters; a longer point is split at words.</summary>
    private static IEnumerable<string> Chunks(IReadOnlyList<string> points)
    {
        var current = new StringBuilder();
        foreach (var point in points.SelectMany(Split))
        {
            if (current.Length > 0 && current.Length + 2 + point.Length > SlideChars)
            {
                yield return current.ToString();
                current.Clear();
            }

            current.Append(current.Length > 0 ? "\n\n" : "").Append(point);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static IEnumerable<string> Split(string point)
    {
        var rest = point;
        while (rest.Length > SlideChars)
        {
            var cut = rest.LastIndexOf(' ', SlideChars);
            cut = cut <= 0 ? SlideChars : cut;
            yield return rest[..cut].TrimEnd() + " …";
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            yield return rest;
        }
    }

    /// <summary>Markdown inline syntax removed: links become their text, emphasis and code marks go.</summary>
    private static string Plain(string markdown)
    {
        var text = Link().Replace(markdown, "$1");
        text = Emphasis().Replace(text, "");
        return Whitespace().Replace(text, " ").Trim();
    }

    private static string WithoutAddresses(string text) => Whitespace().Replace(Address().Replace(text, ""), " ").Trim();

    [GeneratedRegex(@"^([-*+]|\d+[.)])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*|__|`|(?<!\w)[*_]|[*_](?!\w)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(https?://|www\.)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Address();

    [GeneratedRegex(@"[^\p{L}\p{Nd}]")]
    private static partial Regex NotInHashtag();
}
