using System.Text.RegularExpressions;

namespace Platform.Domain.Posts;

/// <summary>One thing in a Leichte Sprache text that a rule flags: the rule's code and the sentence or word it is about.</summary>
public sealed record EasyReadHint(string Code, string Excerpt)
{
    /// <summary>What the hint says to the editor (German, staff UI).</summary>
    public string Message => EasyReadHintTexts.Text(Code);
}

/// <summary>
/// The rules of Leichte Sprache (BITV 2.0 Annex 2, Netzwerk Leichte Sprache) that a machine can test, run over a text in
/// Leichte Sprache (title, summary, body markdown; the markdown is stripped). It gives hints, never a verdict: a text
/// can keep every rule and still be hard, and a hint may be wrong (issue 14). The rules and their limits:
/// <list type="bullet">
/// <item><c>sentence.long</c>: a sentence of more than <see cref="MaxWordsPerSentence"/> words (the proxy for "one statement per sentence").</item>
/// <item><c>passive</c>: a form of <em>werden</em> (wird, werden, wurde, wurden, worden) with a past participle (ge…t, ge…en, …iert) after it.
/// Participles without ge- (verschickt, erklärt) are not found.</item>
/// <item><c>genitive</c>: <em>des</em>/<em>eines</em> before a noun ending in -s, or wegen/trotz/während/statt/innerhalb/außerhalb before des/der/eines/einer.</item>
/// <item><c>abbreviation</c>: z. B., u. a., d. h., usw., bzw., ggf., ca., evtl., Nr. (with or without the space).</item>
/// <item><c>number.word</c>: a number written as a word (eins … zwölf, 13 to 19, the tens, hundert, tausend, Million) instead of digits.</item>
/// <item><c>negation</c>: a sentence with two or more of nicht, kein…, nie, niemals, niemand, nichts, weder.</item>
/// <item><c>compound</c>: a capitalised word of <see cref="MinCompoundLetters"/> or more letters without a Mediopunkt (·) or hyphen
/// (the long compound nouns Leichte Sprache splits: Ausbildungs·platz).</item>
/// </list>
/// </summary>
public static partial class EasyReadCheck
{
    public const int MaxWordsPerSentence = 12;

    public const int MinCompoundLetters = 14;

    public const string LongSentence = "sentence.long";
    public const string Passive = "passive";
    public const string Genitive = "genitive";
    public const string Abbreviation = "abbreviation";
    public const string NumberWord = "number.word";
    public const string Negation = "negation";
    public const string Compound = "compound";

    // Infinitives that look like participles (ge…en): "Sie werden gehen" is future, not passive.
    private static readonly HashSet<string> GeInfinitives = new(StringComparer.OrdinalIgnoreCase)
    {
        "gehen", "geben", "gelten", "gewinnen", "gehören", "genießen", "geschehen", "gefallen", "gelingen", "genügen", "gebrauchen",
    };

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "wird", "werden", "wurde", "wurden", "worden", "wirst", "wurdest", "werdet", "wurdet",
    };

    private static readonly HashSet<string> Negations = new(StringComparer.OrdinalIgnoreCase)
    {
        "nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "niemand", "niemanden", "niemandem", "nichts", "weder",
    };

    /// <summary>The hints for the given texts (any may be null), in the order they occur; each hint once per text.</summary>
    public static IReadOnlyList<EasyReadHint> Check(params string?[] texts)
    {
        var hints = new List<EasyReadHint>();
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            foreach (var line in StripMarkdown(text).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                CheckLine(line, hints);
            }
        }

        return hints.Distinct().ToList();
    }

    /// <summary>The text without markdown: links and images as their text, no emphasis, headings, list marks, quotes, code or HTML.</summary>
    public static string StripMarkdown(string markdown)
    {
        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        text = CodeFence().Replace(text, "");
        text = ImageOrLink().Replace(text, "$1");
        text = HtmlTag().Replace(text, " ");
        text = LineMark().Replace(text, "");
        text = Emphasis().Replace(text, "");
        return text;
    }

    private static void CheckLine(string line, List<EasyReadHint> hints)
    {
        foreach (Match m in AbbreviationPattern().Matches(line))
        {
            hints.Add(new EasyReadHint(Abbreviation, m.Value.Trim()));
        }

        // The abbreviations' dots end no sentence.
        var masked = AbbreviationPattern().Replace(line, m => m.Value.Replace('.', '\u2024'));
        foreach (var part in SentenceEnd().Split(masked))
        {
            var sentence = part.Replace('\u2024', '.').Trim();
            if (sentence.Length > 0)
            {
                CheckSentence(sentence, hints);
            }
        }
    }

    private static void CheckSentence(string sentence, List<EasyReadHint> hints)
    {
        var words = sentence.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', ';', ':', '!', '?', '"', '„', '“', '‚', '‘', '(', ')', '[', ']', '–', '—'))
            .Where(w => w.Any(char.IsLetterOrDigit))
            .ToList();
        if (words.Count > MaxWordsPerSentence)
        {
            hints.Add(new EasyReadHint(LongSentence, sentence));
        }

        var auxiliary = words.FindIndex(w => Auxiliaries.Contains(w));
        if (auxiliary >= 0 && words.Skip(auxiliary + 1).Any(IsParticiple))
        {
            hints.Add(new EasyReadHint(Passive, sentence));
        }

        if (GenitivePattern().IsMatch(sentence))
        {
            hints.Add(new EasyReadHint(Genitive, sentence));
        }

        if (words.Count(w => Negations.Contains(w)) >= 2)
        {
            hints.Add(new EasyReadHint(Negation, sentence));
        }

        foreach (var word in words)
        {
            if (NumberWordPattern().IsMatch(word))
            {
                hints.Add(new EasyReadHint(NumberWord, word));
            }

            if (char.IsUpper(word[0]) && word.All(char.IsLetter) && word.Length >= MinCompoundLetters)
            {
                hints.Add(new EasyReadHint(Compound, word));
            }
        }
    }

    private static bool IsParticiple(string word) =>
        (ParticiplePattern().IsMatch(word) && !GeInfinitives.Contains(word)) || word.EndsWith("iert", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"```.*?```", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CodeFence();

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ImageOrLink();

    [GeneratedRegex(@"<[^>]+>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^\s*(#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)", RegexOptions.Multiline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LineMark();

    [GeneratedRegex(@"[*_`~]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"(?<=[.!?])\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?<![\p{L}])(z\.\s?B\.|u\.\s?a\.|d\.\s?h\.|usw\.|bzw\.|ggf\.|ca\.|evtl\.|Nr\.)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AbbreviationPattern();

    [GeneratedRegex(@"\b(?i:des|eines)\s+\p{Lu}\p{L}*s\b|\b(?i:wegen|trotz|während|statt|anstatt|innerhalb|außerhalb)\s+(?i:des|der|eines|einer)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex GenitivePattern();

    [GeneratedRegex(@"^(eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|(drei|vier|fünf|sech|sieb|acht|neun)zehn|(\p{L}+und)?(zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)|\p{L}*(hundert|tausend)|millionen?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NumberWordPattern();

    [GeneratedRegex(@"^ge\p{L}{2,}(t|en)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ParticiplePattern();
}

/// <summary>The German texts of <see cref="EasyReadCheck"/>'s hints for staff, in one place.</summary>
public static class EasyReadHintTexts
{
    public const string Heading = "Hinweise zur Leichten Sprache";

    public const string Intro = "Hinweise, kein Fehler: Der Text wird trotzdem gespeichert. Bitte prüfen Sie die Stellen; am besten prüft eine Prüfgruppe den Text.";

    public static string Text(string code) => code switch
    {
        EasyReadCheck.LongSentence => $"Langer Satz (mehr als {EasyReadCheck.MaxWordsPerSentence} Wörter). Eine Aussage pro Satz",
        EasyReadCheck.Passive => "Passiv. Besser aktiv schreiben: Wer macht was?",
        EasyReadCheck.Genitive => "Genitiv. Besser mit „von“ oder „vom“ schreiben",
        EasyReadCheck.Abbreviation => "Abkürzung. Bitte das Wort ausschreiben",
        EasyReadCheck.NumberWord => "Zahl als Wort. Bitte Ziffern schreiben",
        EasyReadCheck.Negation => "Mehrere Verneinungen in einem Satz. Besser positiv schreiben",
        EasyReadCheck.Compound => "Langes zusammengesetztes Wort. Mit Medio·punkt trennen",
        _ => code,
    };
}
