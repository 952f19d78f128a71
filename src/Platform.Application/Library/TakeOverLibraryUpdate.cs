using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Common;
using Platform.Domain.Library;
using Platform.Domain.Posts;

namespace Platform.Application.Library;

/// <summary>
/// Takes over the newest published version: fields the jobcenter did not change get the new text; fields it changed keep
/// its text, and where the library changed them too they are reported as conflicts.
/// </summary>
public sealed record TakeOverLibraryUpdateCommand(Guid AdoptionId) : ICommand<TakeOverResult>;

public sealed record TakeOverResult(Guid PostId, int AdoptedVersion, IReadOnlyList<string> Updated, IReadOnlyList<string> Conflicts, PostState Post);

public sealed class TakeOverLibraryUpdateValidator : AbstractValidator<TakeOverLibraryUpdateCommand>
{
    public TakeOverLibraryUpdateValidator() => RuleFor(c => c.AdoptionId).NotEmpty();
}

public sealed class TakeOverLibraryUpdateHandler(
    IAppDbContext db, ICurrentTenant tenant, ICurrentUser user, TimeProvider clock, IPostPublicationScheduler scheduler)
    : ICommandHandler<TakeOverLibraryUpdateCommand, TakeOverResult>
{
    public async ValueTask<TakeOverResult> Handle(TakeOverLibraryUpdateCommand command, CancellationToken cancellationToken)
    {
        var (adoption, published) = await LibraryAdoptionSteps.LoadAsync(db, command.AdoptionId, tracked: true, cancellationToken);
        if (published <= adoption.AdoptedVersion)
        {
            throw new DomainException("library.noUpdate", "Es gibt keine neuere Version in der Bibliothek.");
        }

        var post = await db.LoadPostAsync(adoption.PostId, cancellationToken);
        var version = await db.LoadVersionAsync(adoption.LibraryItemId, published, cancellationToken);
        var values = await db.PlaceholderValuesAsync(tenant, cancellationToken);
        var theirs = LibraryPlaceholders.Fill(version.Content, values);
        var (merged, updatedFields, conflictFields) = PostContent.Merge(adoption.Base, post.Content, theirs);
        var now = clock.GetUtcNow().UtcDateTime;
        if (updatedFields.Count > 0)
        {
            post.Edit(merged, post.ContentVersion, user.Actor(), now);
        }

        var theirTranslations = LibraryPlaceholders.Fill(version.Translations, values);
        var (updatedLanguages, conflictLanguages) = await TakeOverTranslationsAsync(post, adoption.BaseTranslations, theirTranslations, now, cancellationToken);
        List<string> updated = [.. updatedFields, .. updatedLanguages.Select(TranslationField)];
        List<string> conflicts = [.. conflictFields, .. conflictLanguages.Select(TranslationField)];
        adoption.TookOver(published, theirs, theirTranslations, now);
        await AdoptLibraryItemHandler.TrackUsageAsync(db, adoption.LibraryItemId, adoption.TenantId, published, now, cancellationToken);
        var state = await db.CommitAsync(post, "library.updateTakenOver", user, clock, scheduler, cancellationToken);
        return new TakeOverResult(post.Id, published, updated, conflicts, state);
    }

    /// <summary>How a translation is named among the updated and conflicting fields, for example <c>translation:ar</c>.</summary>
    public static string TranslationField(string language) => $"translation:{language}";

    /// <summary>
    /// The translations follow the same three-way rule as the fields: one the jobcenter left as adopted takes the new
    /// text (or goes, when the library dropped it), a new language arrives, and one the jobcenter changed or deleted
    /// keeps its state, reported as a conflict where the library changed it too. The post's search text follows.
    /// </summary>
    private async Task<(List<string> Updated, List<string> Conflicts)> TakeOverTranslationsAsync(
        Post post,
        IReadOnlyDictionary<string, TranslationText> mine,
        IReadOnlyDictionary<string, TranslationText> theirs,
        DateTime now,
        CancellationToken cancellationToken)
    {
        var current = (await db.PostTranslations.Where(t => t.PostId == post.Id).ToListAsync(cancellationToken))
            .ToDictionary(t => t.Language, StringComparer.Ordinal);
        List<string> updated = [];
        List<string> conflicts = [];
        foreach (var language in mine.Keys.Union(theirs.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var before = mine.GetValueOrDefault(language);
            var after = theirs.GetValueOrDefault(language);
            if (before == after || string.Equals(language, post.Content.Language, StringComparison.Ordinal))
            {
                continue;
            }

            var own = current.GetValueOrDefault(language);
            var untouched = before is null ? own is null : own is not null && own.Text == before;
            if (!untouched)
            {
                conflicts.Add(language);
            }
            else if (after is null)
            {
                db.PostTranslations.Remove(own!);
                current.Remove(language);
                updated.Add(language);
            }
            else if (own is null)
            {
                current[language] = PostTranslation.FromLibrary(post, language, after, user.Actor(), now);
                db.PostTranslations.Add(current[language]);
                updated.Add(language);
            }
            else
            {
                own.TakeOverFromLibrary(after, user.Actor(), now);
                updated.Add(language);
            }
        }

        if (updated.Count > 0)
        {
            post.IndexTranslations(current.Values.Where(t => t.LiveVersion is not null).OrderBy(t => t.Language, StringComparer.Ordinal).Select(t => t.Live));
        }

        return (updated, conflicts);
    }
}
