using System.Diagnostics.CodeAnalysis;
using FluentValidation;
using Mediator;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Posts;

namespace Platform.Application.Library;

/// <summary>A NetworkEditor changes a library item: a new version, which needs a new approval before tenants see it.</summary>
public sealed record UpdateLibraryItemCommand : PostInputChange, ICommand<LibraryItemState>
{
    public UpdateLibraryItemCommand()
    {
    }

    [SetsRequiredMembers]
    public UpdateLibraryItemCommand(Guid itemId, int baseVersion, PostInput content, bool removeCoverImage = false)
        : base(baseVersion, content, removeCoverImage)
    {
        ItemId = itemId;
    }

    public Guid ItemId { get; init; }
}

public sealed class UpdateLibraryItemValidator : AbstractValidator<UpdateLibraryItemCommand>
{
    public UpdateLibraryItemValidator()
    {
        RuleFor(c => c.ItemId).NotEmpty();
        RuleFor(c => c.BaseVersion).GreaterThan(0).WithMessage("Bitte gib die Version an, von der deine Änderung ausgeht.");
        Include(new PostInputValidator(ContentOwner.LibraryItem));
    }
}

public sealed class UpdateLibraryItemHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, IImageProcessor images)
    : ICommandHandler<UpdateLibraryItemCommand, LibraryItemState>
{
    public async ValueTask<LibraryItemState> Handle(UpdateLibraryItemCommand command, CancellationToken cancellationToken)
    {
        user.RequireNetworkEditor();
        var item = await db.LoadLibraryItemAsync(command.ItemId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var cover = db.CoverImageFor(images, command, command.RemoveCoverImage, item.Latest, now);
        item.Edit(command.ToContent(cover is not null, TopicSet.Fixed), cover, command.BaseVersion, user.Actor(), now);
        await db.SaveLibraryAsync(cancellationToken);
        return item.State();
    }
}
