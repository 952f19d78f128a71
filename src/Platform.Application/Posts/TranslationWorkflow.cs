using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>
/// The state of a post's translation after a step: its language, where it is in its review, its newest version and
/// the version readers see (null while none is approved).
/// </summary>
public sealed record TranslationState(Guid PostId, string Language, TranslationStatus Status, int ContentVersion, int? LiveVersion);

/// <summary>What the translation steps share (issue 14): finding the translation, the search index, saving.</summary>
public static class TranslationWorkflow
{
    /// <summary>The translation of the current tenant's post into <paramref name="language"/>; 404 for another tenant's post.</summary>
    public static async Task<PostTranslation> LoadTranslationAsync(
        this IAppDbContext db, Guid postId, string language, CancellationToken cancellationToken) =>
        await db.PostTranslations.SingleOrDefaultAsync(t => t.PostId == postId && t.Language == language, cancellationToken)
            ?? throw new NotFoundException("Translation", $"{postId}/{language}");

    /// <summary>
    /// Saves the step with its audit entry. When what readers see changed, the post's search text is written anew from
    /// its approved translations in the same save, so search finds the post through exactly those.
    /// </summary>
    public static async Task<TranslationState> CommitAsync(
        this IAppDbContext db,
        PostTranslation translation,
        string action,
        ICurrentUser user,
        TimeProvider clock,
        bool liveChanged,
        CancellationToken cancellationToken,
        bool removed = false)
    {
        var post = await db.LoadPostAsync(translation.PostId, cancellationToken);
        if (liveChanged)
        {
            var others = await db.PostTranslations.AsNoTracking()
                .Where(t => t.PostId == post.Id && t.Id != translation.Id && t.LiveVersion != null)
                .OrderBy(t => t.Language)
                .Select(t => t.Live)
                .ToListAsync(cancellationToken);
            post.IndexTranslations(translation.LiveVersion is null || removed ? others : [.. others, translation.Live]);
        }

        db.Record(translation.TenantId, user, clock, action, $"{post.Content.Title} ({translation.Language})");
        await PostWorkflow.SaveAsync(db, cancellationToken);
        return translation.State();
    }

    public static TranslationState State(this PostTranslation translation) =>
        new(translation.PostId, translation.Language, translation.Status, translation.ContentVersion, translation.LiveVersion);

    /// <summary>Normalizes the language of a path or query: lower case, trimmed.</summary>
    public static string LanguageCode(string? language) => language?.Trim().ToLowerInvariant() ?? "";

    /// <summary>400 naming <c>language</c> unless it is one of the platform's languages.</summary>
    public static IRuleBuilderOptions<T, string> OfferedLanguage<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(l => PlatformLanguages.IsOffered(LanguageCode(l)))
            .WithMessage($"Übersetzungen gibt es in diesen Sprachen: {string.Join(", ", PlatformLanguages.Codes)}.");

    /// <summary>A reader's <c>?lang=</c>: none, or one of the platform's languages; 400 naming <c>lang</c> otherwise.</summary>
    public static IRuleBuilderOptions<T, string?> ReaderLanguage<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(l => l is null || PlatformLanguages.IsOffered(LanguageCode(l)))
            .WithMessage(_ => ValidationMessages.Format("Feed.LanguageInvalid", string.Join(", ", PlatformLanguages.Codes)))
            .OverridePropertyName("lang");

    /// <summary>
    /// The titles of the post's approved translations by language, for what goes out about it (new-post messages, a
    /// seat from the waiting list): each recipient gets the title in their language where there is one (issue 14).
    /// </summary>
    public static async Task<Dictionary<string, string>> ApprovedTitlesAsync(this IAppDbContext db, Guid postId, CancellationToken cancellationToken) =>
        await db.PostTranslations.AsNoTracking()
            .Where(t => t.PostId == postId && t.LiveVersion != null)
            .ToDictionaryAsync(t => t.Language, t => t.Live.Title, StringComparer.Ordinal, cancellationToken);
}
