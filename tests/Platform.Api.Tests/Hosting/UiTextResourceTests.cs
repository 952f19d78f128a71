using System.Collections;
using System.Globalization;
using System.Resources;
using Platform.Application.Common;
using Platform.Web;
using Platform.Web.Resources;

namespace Platform.Api.Tests.Hosting;

/// <summary>English is complete: every German (neutral) text has a non-empty English one; Arabic has at least the navigation.</summary>
public sealed class UiTextResourceTests
{
    private static readonly ResourceManager Resources = new("Platform.Web.Resources.UiText", typeof(UiText).Assembly);

    private static readonly ResourceManager Messages =
        new("Platform.Application.Common.ValidationMessages", typeof(ValidationMessages).Assembly);

    [Theory]
    [InlineData("UiText")]
    [InlineData("ValidationMessages")]
    public void Every_german_text_has_an_english_one(string resource)
    {
        var manager = resource == "UiText" ? Resources : Messages;
        var german = Texts(CultureInfo.InvariantCulture, manager);
        var english = Texts(CultureInfo.GetCultureInfo("en"), manager);

        Assert.NotEmpty(german);
        Assert.Empty(german.Keys.Except(english.Keys).Order());
        Assert.Empty(english.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key));
        Assert.Empty(english.Keys.Except(german.Keys).Order());
    }

    [Fact]
    public void Arabic_covers_the_layout_and_navigation()
    {
        var german = Texts(CultureInfo.InvariantCulture);
        var arabic = Texts(CultureInfo.GetCultureInfo("ar"));

        Assert.Empty(german.Keys.Where(k => k.StartsWith("Layout.", StringComparison.Ordinal)).Except(arabic.Keys).Order());
        Assert.Empty(arabic.Keys.Except(german.Keys).Order());
    }

    [Fact]
    public void Placeholders_match_between_languages()
    {
        foreach (var manager in new[] { Resources, Messages })
        {
            var german = Texts(CultureInfo.InvariantCulture, manager);
            foreach (var culture in manager == Resources ? new[] { "en", "ar" } : ["en"])
            {
                foreach (var (key, value) in Texts(CultureInfo.GetCultureInfo(culture), manager))
                {
                    Assert.True(Placeholders(german[key]).SetEquals(Placeholders(value)), $"{culture} {key}: '{value}' vs '{german[key]}'");
                }
            }
        }
    }

    [Theory]
    [InlineData("de", "25. November 2026, 20:00 Uhr")]
    [InlineData("en", "25 November 2026, 20:00")]
    public void Dates_are_shown_in_berlin_time_in_the_ui_language(string culture, string expected)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(expected, DateDisplay.FormatWithTime(new DateTime(2026, 11, 25, 19, 0, 0, DateTimeKind.Utc)));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    [Fact]
    public void Arabic_dates_stay_on_the_gregorian_calendar()
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ar");
            var text = DateDisplay.FormatWithTime(new DateTime(2026, 11, 25, 19, 0, 0, DateTimeKind.Utc));
            Assert.Contains("2026", text, StringComparison.Ordinal);
            Assert.Contains("20:00", text, StringComparison.Ordinal);
            Assert.StartsWith("25 ", text, StringComparison.Ordinal);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    // Only the texts of that one resource file (no fallback to the parent culture).
    private static Dictionary<string, string> Texts(CultureInfo culture, ResourceManager? manager = null)
    {
        var set = (manager ?? Resources).GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for '{culture.Name}'.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static HashSet<string> Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value)];
}
