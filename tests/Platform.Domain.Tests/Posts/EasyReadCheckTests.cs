using Platform.Domain.Posts;

namespace Platform.Domain.Tests.Posts;

public sealed class EasyReadCheckTests
{
    [Theory]
    [InlineData(EasyReadCheck.LongSentence, "Wenn Sie im nächsten Monat eine Ausbildung anfangen wollen, dann rufen Sie bitte vorher im Jobcenter an.")]
    [InlineData(EasyReadCheck.Passive, "Der Antrag wird vom Jobcenter geprüft.")]
    [InlineData(EasyReadCheck.Passive, "Sie werden informiert.")]
    [InlineData(EasyReadCheck.Genitive, "Das ist die Adresse des Jobcenters.")]
    [InlineData(EasyReadCheck.Genitive, "Wegen des Feiertags ist zu.")]
    [InlineData(EasyReadCheck.Abbreviation, "Bringen Sie z. B. Ihren Ausweis mit.")]
    [InlineData(EasyReadCheck.Abbreviation, "Bringen Sie z.B. Ihren Ausweis mit.")]
    [InlineData(EasyReadCheck.Abbreviation, "Das kostet ca. 5 Euro.")]
    [InlineData(EasyReadCheck.Abbreviation, "Zimmer Nr. 3.")]
    [InlineData(EasyReadCheck.NumberWord, "Sie bekommen zwei Briefe.")]
    [InlineData(EasyReadCheck.NumberWord, "Das kostet zwanzig Euro.")]
    [InlineData(EasyReadCheck.NumberWord, "Das kostet dreihundert Euro.")]
    [InlineData(EasyReadCheck.Negation, "Sie müssen nicht kein Geld zahlen.")]
    [InlineData(EasyReadCheck.Negation, "Niemand kommt nie.")]
    [InlineData(EasyReadCheck.Compound, "Sie suchen einen Ausbildungsplatz.")]
    public void A_text_that_breaks_a_rule_gets_its_hint(string code, string text)
    {
        var hints = EasyReadCheck.Check(text);

        Assert.Contains(hints, h => h.Code == code);
    }

    [Theory]
    [InlineData(EasyReadCheck.LongSentence, "Sie wollen eine Ausbildung anfangen. Dann rufen Sie im Jobcenter an.")]
    [InlineData(EasyReadCheck.Passive, "Das Jobcenter prüft den Antrag. Sie werden gehen. Das Wetter wird gut.")]
    [InlineData(EasyReadCheck.Genitive, "Das ist die Adresse vom Jobcenter.")]
    [InlineData(EasyReadCheck.Abbreviation, "Bringen Sie zum Beispiel Ihren Ausweis mit. Das Zimmer hat die Nummer 3.")]
    [InlineData(EasyReadCheck.NumberWord, "Sie bekommen 2 Briefe. Das kostet 20 Euro. Das ist ein Brief.")]
    [InlineData(EasyReadCheck.Negation, "Sie müssen kein Geld zahlen.")]
    [InlineData(EasyReadCheck.Compound, "Sie suchen einen Ausbildungs·platz.")]
    public void A_text_that_keeps_the_rule_gets_no_such_hint(string code, string text)
    {
        var hints = EasyReadCheck.Check(text);

        Assert.DoesNotContain(hints, h => h.Code == code);
    }

    [Fact]
    public void A_good_leichte_sprache_text_gets_no_hint()
    {
        var hints = EasyReadCheck.Check(
            "Hilfe bei der Ausbildung",
            "Das Jobcenter hilft Ihnen.",
            """
            # Sie suchen eine Ausbildung?

            Das Jobcenter hilft Ihnen.
            Sie bekommen einen Termin.
            Der Termin dauert 30 Minuten.

            Bitte bringen Sie mit:
            - Ihren Ausweis
            - Ihren **Lebens·lauf**

            Sie haben Fragen?
            Dann rufen Sie uns an.
            Oder schreiben Sie eine [E-Mail](mailto:info@example.org).
            """);

        Assert.Empty(hints);
    }

    [Fact]
    public void A_hint_names_the_sentence_and_a_german_text()
    {
        var hint = Assert.Single(EasyReadCheck.Check("Der Antrag wird geprüft."));

        Assert.Equal("Der Antrag wird geprüft.", hint.Excerpt);
        Assert.Contains("Passiv", hint.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_is_stripped_before_the_check()
    {
        var hints = EasyReadCheck.Check("Mehr steht [auf der Seite des Jobcenters](https://example.org/z.B.).");

        Assert.Equal([EasyReadCheck.Genitive], hints.Select(h => h.Code));
    }
}
