using System.Text.RegularExpressions;
using Platform.Infrastructure.Persistence;

namespace Platform.Api.Tests.Posts;

/// <summary>
/// The demo posts' translations are complete and keep what the German needs (placeholders, link targets), each in its
/// own script; the Leichte Sprache version keeps its short lines. Plain unit tests, no host.
/// </summary>
public sealed partial class DemoTranslationsTests
{
    private static readonly string[] Languages = ["en", "ar", "uk", "tr", "ru", "fa"];

    public static TheoryData<int, string> Translations()
    {
        var data = new TheoryData<int, string>();
        foreach (var index in new[] { 0, 1, 3 })
        {
            foreach (var language in Languages)
            {
                data.Add(index, language);
            }
        }

        return data;
    }

    [Fact]
    public void The_three_posts_are_translated_into_every_language()
    {
        Assert.Equal([0, 1, 3], DemoTranslations.Posts.Keys.Order());
        foreach (var (index, languages) in DemoTranslations.Posts)
        {
            Assert.True(index < DemoContent.Posts.Count, $"post {index}");
            Assert.Equal(Languages.Order(), languages.Keys.Order());
        }
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void A_translation_keeps_the_placeholders_and_links_in_its_own_script(int index, string language)
    {
        var german = DemoContent.Posts[index];
        var (title, summary, body) = DemoTranslations.Posts[index][language];

        foreach (var (name, text, original) in new[] { ("title", title, german.Title), ("summary", summary, german.Summary), ("body", body, german.Body) })
        {
            Assert.False(string.IsNullOrWhiteSpace(text), $"{index}/{language} {name} is empty");
            Assert.NotEqual(original, text);
            Assert.True(OwnScriptShare(text, language) >= 0.4, $"{index}/{language} {name} is hardly in its script: {text}");
        }

        // German terms stay in brackets once (a title may be half German), but the whole post reads in its language.
        var translated = title + summary + body;
        Assert.True(OwnScriptShare(translated, language) >= 0.7, $"{index}/{language} is not mostly in its script");
        foreach (var placeholder in Placeholder().Matches(german.Title + german.Summary + german.Body).Select(m => m.Value))
        {
            Assert.Contains(placeholder, translated);
        }

        Assert.Equal(LinkTargets(german.Body), LinkTargets(body));
        Assert.Equal(Placeholder().Matches(body).Select(m => m.Value).Order(), Placeholder().Matches(german.Body).Select(m => m.Value).Order());
    }

    [Fact]
    public void The_easy_read_post_has_short_lines_with_its_placeholders()
    {
        var (title, summary, body) = Assert.Single(DemoTranslations.EasyRead, e => e.Key == 0).Value;
        var german = DemoContent.Posts[0];

        Assert.False(string.IsNullOrWhiteSpace(title));
        Assert.False(string.IsNullOrWhiteSpace(summary));
        Assert.NotEqual(german.Body, body);
        Assert.Contains("Weiter·bewilligungs·antrag", title + body);
        Assert.Contains("{Name}", body);
        Assert.Contains("{Telefon}", body);
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(lines, line => Assert.True(line.TrimStart('-', ' ').TrimEnd('\\').Split(' ').Length <= 10, line));
    }

    /// <summary>The share of letters (outside placeholders, code and link targets) written in the language's script.</summary>
    private static double OwnScriptShare(string text, string language)
    {
        var letters = Regex.Replace(text, @"\{\w+\}|`[^`]*`|\]\([^)]*\)", " ").Where(char.IsLetter).ToList();
        Func<char, bool> own = language switch
        {
            "ar" or "fa" => c => c is >= '\u0600' and <= '\u06FF' or >= '\uFB50' and <= '\uFEFF',
            "uk" or "ru" => c => c is >= '\u0400' and <= '\u04FF',
            _ => c => c < '\u0250',
        };
        return letters.Count == 0 ? 0 : (double)letters.Count(own) / letters.Count;
    }

    private static string[] LinkTargets(string markdown) => [.. LinkTarget().Matches(markdown).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkTarget();
}
