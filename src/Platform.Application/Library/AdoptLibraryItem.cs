using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Common;
using Platform.Domain.Library;
using Platform.Domain.Posts;

namespace Platform.Application.Library;

/// <summary>
/// An editor of the current jobcenter adopts the published version of a library item: it becomes a draft post of this
/// jobcenter, the placeholders filled from its own data, going through its own workflow; the adoption remembers the version.
/// </summary>
public sealed record AdoptLibraryItemCommand(Guid ItemId) : ICommand<AdoptionState>;

public sealed record AdoptionState(Guid AdoptionId, Guid PostId, int AdoptedVersion, PostStatus PostStatus);

public sealed class AdoptLibraryItemValidator : AbstractValidator<AdoptLibraryItemCommand>
{
    public AdoptLibraryItemValidator()
    {
        RuleFor(c => c.ItemId).NotEmpty();
    }
}

public sealed class AdoptLibraryItemHandler(IAppDbContext db, ICurrentTenant tenant, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AdoptLibraryItemCommand, AdoptionState>
{
    public async ValueTask<AdoptionState> Handle(AdoptLibraryItemCommand command, CancellationToken cancellationToken)
    {
        var item = await db.LibraryItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == command.ItemId, cancellationToken);
        if (item?.PublishedVersion is not { } number)
        {
            throw new NotFoundException("Bibliothekseintrag", command.ItemId);
        }

        var tenantId = tenant.RequiredId;
        if (await db.LibraryAdoptions.AnyAsync(a => a.LibraryItemId == item.Id, cancellationToken))
        {
            throw new DomainException("library.adopted", "Dieser Bibliothekseintrag ist hier schon übernommen worden. Bearbeite den vorhandenen Beitrag.");
        }

        var version = await db.LoadVersionAsync(item.Id, number, cancellationToken);
        var filled = LibraryPlaceholders.Fill(version.Content, await db.PlaceholderValuesAsync(tenant, cancellationToken));
        var now = clock.GetUtcNow().UtcDateTime;
        var post = Post.Create(tenantId, filled, user.Actor(), now);
        var adoption = LibraryAdoption.Create(tenantId, item.Id, post.Id, number, filled, now);
        db.Posts.Add(post);
        db.LibraryAdoptions.Add(adoption);
        await TrackUsageAsync(db, item.Id, tenantId, number, now, cancellationToken);
        db.Record(tenantId, user, clock, "library.adopted", post.Title);
        await db.SaveLibraryAsync(cancellationToken);
        return new AdoptionState(adoption.Id, post.Id, number, post.Status);
    }

    /// <summary>Keeps the shared "who uses which version" row in step with the tenant's adoption.</summary>
    public static async Task TrackUsageAsync(IAppDbContext db, Guid itemId, Guid tenantId, int version, DateTime now, CancellationToken cancellationToken)
    {
        var usage = await db.LibraryUsages.SingleOrDefaultAsync(u => u.LibraryItemId == itemId && u.TenantId == tenantId, cancellationToken);
        if (usage is null)
        {
            db.LibraryUsages.Add(LibraryUsage.Of(itemId, tenantId, version, now));
        }
        else
        {
            usage.Use(version, now);
        }
    }
}
