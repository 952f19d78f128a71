using Platform.Application.Posts;
using Platform.Infrastructure.Persistence.Search;

namespace Platform.Application.Tests.Posts;

public sealed class SearchHighlightTests
{
    private const char S = SearchHighlight.StartMarker;
    private const char E = SearchHighlight.EndMarker;

    [Fact]
    public void Only_our_markers_become_mark_tags_and_everything_else_is_encoded() =>
        Assert.Equal(
            "&lt;script&gt;x&lt;/script&gt; <mark>Wohnung</mark> &amp; &lt;mark&gt;",
            SearchHighlight.ToHtml($"<script>x</script> {S}Wohnung{E} & <mark>"));

    [Fact]
    public void Stray_markers_never_leave_an_unbalanced_tag()
    {
        Assert.Equal("a<mark>b</mark>", SearchHighlight.ToHtml($"a{S}b"));
        Assert.Equal("ab", SearchHighlight.ToHtml($"a{E}b"));
        Assert.Equal("<mark>ab</mark>", SearchHighlight.ToHtml($"{S}a{S}b{E}{E}"));
    }

    [Fact]
    public void Markdown_syntax_is_removed_from_snippets() =>
        Assert.Equal("Stell den Antrag online früh.", SearchHighlight.PlainSnippet("## Stell den **Antrag** [online](https://example.org) _früh_."));

    [Theory]
    [InlineData("\"Wohnung\" AND (Geld OR -Job*)", new[] { "Wohnung", "Geld", "Job" })]
    [InlineData("NEAR(a b) ; DROP TABLE", new[] { "DROP", "TABLE" })]
    [InlineData("Wohngeld-Antrag", new[] { "Wohngeld", "Antrag" })]
    [InlineData("  ", new string[0])]
    [InlineData("* \" - ( )", new string[0])]
    public void Only_words_become_search_terms(string query, string[] terms) =>
        Assert.Equal(terms, SearchTerms.Parse(query));

    [Fact]
    public void At_most_eight_terms_are_used() =>
        Assert.Equal(SearchTerms.MaxTerms, SearchTerms.Parse(string.Join(' ', Enumerable.Range(0, 20).Select(i => $"wort{i}"))).Count);

    [Theory]
    [InlineData("Wohnungen", "Wohnung")]
    [InlineData("Bewerbungen", "Bewerbung")]
    [InlineData("Bewerbung", "Bewerbung")]
    [InlineData("Kosten", "Kost")]
    [InlineData("Miete", "Miet")]
    [InlineData("Amt", "Amt")]
    [InlineData("Jobs", "Jobs")]
    public void The_sqlite_prefix_strips_one_common_ending_from_longer_words(string term, string prefix) =>
        Assert.Equal(prefix, SqlitePostSearch.GermanPrefix(term));
}
