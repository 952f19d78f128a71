using System.Text.Json;

namespace Platform.Domain.Posts;

/// <summary>What a translation says: the post's texts and, optionally, its Einfache Sprache in that language.</summary>
public sealed record TranslationText
{
    public string Title { get; init; } = "";

    public string Summary { get; init; } = "";

    public string BodyMarkdown { get; init; } = "";

    public string? EasyTitle { get; init; }

    public string? EasySummary { get; init; }

    public string? EasyBodyMarkdown { get; init; }

    public TranslationText Normalized() => this with
    {
        Title = Title.Trim(),
        Summary = Summary.Trim(),
        BodyMarkdown = BodyMarkdown.Trim(),
        EasyTitle = Blank(EasyTitle),
        EasySummary = Blank(EasySummary),
        EasyBodyMarkdown = Blank(EasyBodyMarkdown),
    };

    public string ToSnapshot() => JsonSerializer.Serialize(this);

    public static TranslationText FromSnapshot(string snapshot) =>
        JsonSerializer.Deserialize<TranslationText>(snapshot) ?? new TranslationText();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
