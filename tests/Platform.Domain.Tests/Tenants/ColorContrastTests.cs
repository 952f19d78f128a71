using Platform.Domain.Tenants;

namespace Platform.Domain.Tests.Tenants;

public sealed class ColorContrastTests
{
    [Fact]
    public void Black_on_white_is_21_to_1() => Assert.Equal(21.0, ColorContrast.Ratio("#000000", "#ffffff"), 3);

    [Fact]
    public void Same_colours_are_1_to_1() => Assert.Equal(1.0, ColorContrast.Ratio("#00527a", "#00527a"), 3);

    [Fact]
    public void A_known_pair_matches_the_wcag_formula() => Assert.Equal(4.54, ColorContrast.Ratio("#767676", "#ffffff"), 2);

    [Theory]
    [InlineData("#00527a", "#ffffff")]
    [InlineData("#7a1f3d", "#ffffff")]
    [InlineData("#ffd500", "#000000")]
    [InlineData("#f4f4f5", "#000000")]
    public void Text_colour_is_the_one_that_reads_better(string background, string expected)
    {
        Assert.Equal(expected, ColorContrast.TextColorFor(background));
        Assert.True(ColorContrast.Ratio(expected, background) >= ColorContrast.MinimumTextContrast);
    }

    [Theory]
    [InlineData("#00527a", true)]
    [InlineData("#7a1f3d", true)]
    [InlineData("#ff7f50", false)]
    [InlineData("#1d9bf0", false)]
    public void A_primary_colour_must_read_as_text_on_white(string color, bool usable) =>
        Assert.Equal(usable, ColorContrast.IsUsablePrimary(color));

    [Theory]
    [InlineData("")]
    [InlineData("00527a")]
    [InlineData("#00527")]
    [InlineData("#zzzzzz")]
    public void Malformed_colours_are_refused(string hex)
    {
        Assert.False(ColorContrast.TryParse(hex, out _));
        Assert.Throws<ArgumentException>(() => ColorContrast.RelativeLuminance(hex));
    }
}
