using FluentValidation;
using Mediator;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Library;

namespace Platform.Application.Library;

/// <summary>The diff between the version this jobcenter adopted and the library's newest published one, both filled with its data.</summary>
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
        var from = LibraryPlaceholders.Fill((await db.LoadVersionAsync(adoption.LibraryItemId, adoption.AdoptedVersion, cancellationToken)).Content, values);
        var to = LibraryPlaceholders.Fill((await db.LoadVersionAsync(adoption.LibraryItemId, published, cancellationToken)).Content, values);
        return new PostVersionDiff(adoption.AdoptedVersion, published, DiffPostVersionsHandler.Diff(from, to));
    }
}
