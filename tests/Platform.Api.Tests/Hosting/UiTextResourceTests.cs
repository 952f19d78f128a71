using System.Collections;
using System.Globalization;
using System.Resources;
using Platform.Application.Common;
using Platform.Web;

namespace Platform.Api.Tests.Hosting;

/// <summary>
/// The form messages of the Application project are complete in English, and dates follow the UI language in Berlin
/// time. Every resource (UI texts, e-mails, form messages) in every language: <see cref="ResourceCompletenessTests"/>.
/// </summary>
public sealed class UiTextResourceTests
{
    private static readonly ResourceManager Messages =
        new("Platform.Application.Resources.ValidationMessages", typeof(ValidationMessages).Assembly);

    [Fact]
    public void Every_german_form_message_has_an_english_one()
    {
        var german = Texts(CultureInfo.InvariantCulture);
        var english = Texts(CultureInfo.GetCultureInfo("en"));

        Assert.NotEmpty(german);
        Assert.Empty(german.Keys.Except(english.Keys).Order());
        Assert.Empty(english.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key));
        Assert.Empty(english.Keys.Except(german.Keys).Order());
        foreach (var (key, value) in english)
        {
            Assert.True(Placeholders(german[key]).SetEquals(Placeholders(value)), $"en {key}: '{value}' vs '{german[key]}'");
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

    [Theory]
    [InlineData("ar")]
    [InlineData("fa")]
    public void Right_to_left_dates_stay_on_the_gregorian_calendar(string culture)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
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
    private static Dictionary<string, string> Texts(CultureInfo culture)
    {
        var set = Messages.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for '{culture.Name}'.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static HashSet<string> Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value)];
}
