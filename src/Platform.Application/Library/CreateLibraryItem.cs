using System.Diagnostics.CodeAnalysis;
using FluentValidation;
using Mediator;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Library;
using Platform.Domain.Posts;

namespace Platform.Application.Library;

/// <summary>A NetworkEditor writes a new library item: a draft with version 1.</summary>
public sealed record CreateLibraryItemCommand : PostInput, ICommand<LibraryItemState>
{
    public CreateLibraryItemCommand()
    {
    }

    [SetsRequiredMembers]
    public CreateLibraryItemCommand(PostInput content)
        : base(content)
    {
    }
}

public sealed class CreateLibraryItemValidator : AbstractValidator<CreateLibraryItemCommand>
{
    public CreateLibraryItemValidator() => Include(new PostInputValidator(ContentOwner.LibraryItem));
}

public sealed class CreateLibraryItemHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, IImageProcessor images)
    : ICommandHandler<CreateLibraryItemCommand, LibraryItemState>
{
    public async ValueTask<LibraryItemState> Handle(CreateLibraryItemCommand command, CancellationToken cancellationToken)
    {
        user.RequireNetworkEditor();
        var now = clock.GetUtcNow().UtcDateTime;
        var cover = db.CoverImageFor(images, command, removeCoverImage: false, previous: null, now);
        var item = LibraryItem.Create(command.ToContent(cover is not null, TopicSet.Fixed), cover, user.Actor(), now);
        db.LibraryItems.Add(item);
        await db.SaveLibraryAsync(cancellationToken);
        return item.State();
    }
}
