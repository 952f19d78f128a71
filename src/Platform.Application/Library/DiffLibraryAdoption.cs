using FluentValidation;
using Mediator;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Library;
using Platform.Domain.Posts;

namespace Platform.Application.Library;

/// <summary>
/// The diff between the version this jobcenter adopted and the library's newest published one, both filled with its data:
/// the fields, then each translation that changed (<c>translation:ar</c>).
/// </summary>
public sealed record DiffLibraryAdoptionQuery(Guid AdoptionId) : IQuery<PostVersionDiff>;

public sealed class DiffLibraryAdoptionValidator : AbstractValidator<DiffLibraryAdoptionQuery>
{
    public DiffLibraryAdoptionValidator() => RuleFor(c => c.AdoptionId).NotEmpty();
}

public sealed class DiffLibraryAdoptionHandler(IAppDbContext db, ICurrentTenant tenant) : IQueryHandler<DiffLibraryAdoptionQuery, PostVersionDiff>
{
    public async ValueTask<PostVersionDiff> Handle(DiffLibraryAdoptionQuery query, CancellationToken cancellationToken)
    {
        var (adoption, published) = await LibraryAdoptionSteps.LoadAsync(db, query.AdoptionId, tracked: false, cancellationToken);
        var values = await db.PlaceholderValuesAsync(tenant, cancellationToken);
        var adopted = await db.LoadVersionAsync(adoption.LibraryItemId, adoption.AdoptedVersion, cancellationToken);
        var newest = await db.LoadVersionAsync(adoption.LibraryItemId, published, cancellationToken);
        List<FieldDiff> fields = [.. DiffPostVersionsHandler.Diff(LibraryPlaceholders.Fill(adopted.Content, values), LibraryPlaceholders.Fill(newest.Content, values))];
        var before = LibraryPlaceholders.Fill(adopted.Translations, values);
        var after = LibraryPlaceholders.Fill(newest.Translations, values);
        foreach (var language in before.Keys.Union(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (DiffPostVersionsHandler.Lines(
                TakeOverLibraryUpdateHandler.TranslationField(language), Text(before.GetValueOrDefault(language)), Text(after.GetValueOrDefault(language))) is { } diff)
            {
                fields.Add(diff);
            }
        }

        return new PostVersionDiff(adoption.AdoptedVersion, published, fields);
    }

    private static string Text(TranslationText? text) =>
        text is null ? "" : string.Join("\n", new[] { text.Title, text.Summary, text.BodyMarkdown, text.EasyTitle, text.EasySummary, text.EasyBodyMarkdown }.Where(t => !string.IsNullOrEmpty(t)));
}
