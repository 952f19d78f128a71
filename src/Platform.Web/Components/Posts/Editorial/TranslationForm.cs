using Platform.Application.Library;
using Platform.Application.Posts;
using Platform.Domain.Posts;

namespace Platform.Web.Components.Posts.Editorial;

/// <summary>The form of a translation, of a post (<see cref="EditTranslation"/>) or a library item (<c>EditLibraryTranslation</c>).</summary>
public sealed class TranslationForm
{
    public int BaseVersion { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? BodyMarkdown { get; set; }

    public string? EasyTitle { get; set; }

    public string? EasySummary { get; set; }

    public string? EasyBodyMarkdown { get; set; }

    public static TranslationForm From(EditorialTranslation? translation) =>
        translation is null ? new TranslationForm() : From(translation.Text, translation.ContentVersion);

    /// <summary>A library item's translation; the base is the item's latest version, which a save builds on.</summary>
    public static TranslationForm From(LibraryTranslationView? translation, int latestVersion) => translation is null
        ? new TranslationForm { BaseVersion = latestVersion }
        : From(
            new TranslationText
            {
                Title = translation.Title,
                Summary = translation.Summary,
                BodyMarkdown = translation.BodyMarkdown,
                EasyTitle = translation.EasyTitle,
                EasySummary = translation.EasySummary,
                EasyBodyMarkdown = translation.EasyBodyMarkdown,
            },
            latestVersion);

    private static TranslationForm From(TranslationText text, int baseVersion) => new()
    {
        BaseVersion = baseVersion,
        Title = text.Title,
        Summary = text.Summary,
        BodyMarkdown = text.BodyMarkdown,
        EasyTitle = text.EasyTitle,
        EasySummary = text.EasySummary,
        EasyBodyMarkdown = text.EasyBodyMarkdown,
    };

    public TranslationInput ToInput() => new()
    {
        Title = Title ?? "",
        Summary = Summary,
        BodyMarkdown = BodyMarkdown,
        EasyTitle = EasyTitle,
        EasySummary = EasySummary,
        EasyBodyMarkdown = EasyBodyMarkdown,
    };
}
