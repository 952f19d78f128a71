using System.Text.Json;
using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Domain.Library;

/// <summary>
/// The translations a library version carries (issue 14): one <see cref="TranslationText"/> per language of the
/// platform other than the item's own, written by the network's editors and reviewed with the version. Stored with the
/// version as one JSON snapshot, since a version never changes after it is written.
/// </summary>
public static class LibraryTranslations
{
    public static IReadOnlyDictionary<string, TranslationText> Empty { get; } = new SortedDictionary<string, TranslationText>(StringComparer.Ordinal);

    public static string ToSnapshot(IReadOnlyDictionary<string, TranslationText> translations) =>
        translations.Count == 0 ? "" : JsonSerializer.Serialize(new SortedDictionary<string, TranslationText>(translations.ToDictionary(), StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, TranslationText> FromSnapshot(string? snapshot) =>
        string.IsNullOrEmpty(snapshot)
            ? Empty
            : new SortedDictionary<string, TranslationText>(
                JsonSerializer.Deserialize<Dictionary<string, TranslationText>>(snapshot) ?? [], StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="translations"/> with <paramref name="language"/> set to <paramref name="text"/>, or removed when
    /// it is null. The language must be one the platform offers and not the item's own.
    /// </summary>
    public static IReadOnlyDictionary<string, TranslationText> With(
        IReadOnlyDictionary<string, TranslationText> translations, string contentLanguage, string language, TranslationText? text)
    {
        var code = language.Trim().ToLowerInvariant();
        if (!PlatformLanguages.IsOffered(code))
        {
            throw new DomainException("translation.language", $"Die Plattform bietet die Sprache „{language}“ nicht an.");
        }

        if (string.Equals(code, contentLanguage, StringComparison.Ordinal))
        {
            throw new DomainException("translation.language", "Der Eintrag ist schon in dieser Sprache geschrieben.");
        }

        var changed = new SortedDictionary<string, TranslationText>(translations.ToDictionary(), StringComparer.Ordinal);
        if (text is null)
        {
            if (!changed.Remove(code))
            {
                throw new DomainException("translation.missing", "Diese Übersetzung gibt es in der neuesten Version nicht.");
            }
        }
        else
        {
            var normalized = text.Normalized();
            if (normalized.Title.Length == 0)
            {
                throw new DomainException("translation.title", "Eine Übersetzung braucht einen Titel.");
            }

            changed[code] = normalized;
        }

        return changed;
    }
}
