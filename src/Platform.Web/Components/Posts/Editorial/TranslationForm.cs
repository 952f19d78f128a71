using Platform.Application.Posts;

namespace Platform.Web.Components.Posts.Editorial;

/// <summary>The form of a post's translation (<see cref="EditTranslation"/>).</summary>
public sealed class TranslationForm
{
    public int BaseVersion { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? BodyMarkdown { get; set; }

    public string? EasyTitle { get; set; }

    public string? EasySummary { get; set; }

    public string? EasyBodyMarkdown { get; set; }

    public static TranslationForm From(EditorialTranslation? translation) => translation is null
        ? new TranslationForm()
        : new TranslationForm
        {
            BaseVersion = translation.ContentVersion,
            Title = translation.Text.Title,
            Summary = translation.Text.Summary,
            BodyMarkdown = translation.Text.BodyMarkdown,
            EasyTitle = translation.Text.EasyTitle,
            EasySummary = translation.Text.EasySummary,
            EasyBodyMarkdown = translation.Text.EasyBodyMarkdown,
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
