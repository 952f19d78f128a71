using Platform.Domain.Posts;

namespace Platform.Domain.Tests.Posts;

public sealed class TopicNamesTests
{
    [Theory]
    [InlineData("Geld", Topics.Geld)]
    [InlineData("wohnen", Topics.Wohnen)]
    [InlineData("DIGITALES", Topics.Digitales)]
    public void Topic_names_parse_case_insensitively(string name, Topics expected)
    {
        Assert.True(TopicNames.TryParse(name, out var topic));
        Assert.Equal(expected, topic);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("None")]
    [InlineData("Urlaub")]
    [InlineData("1")]
    [InlineData("Geld, Wohnen")]
    public void Anything_else_is_not_a_topic(string? name) => Assert.False(TopicNames.TryParse(name, out _));

    [Fact]
    public void Combined_topics_are_named_in_a_stable_order() =>
        Assert.Equal(["Geld", "Jobsuche"], TopicNames.ToNames(Topics.Jobsuche | Topics.Geld));
}
