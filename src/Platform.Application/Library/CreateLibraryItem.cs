using FluentValidation;
using Mediator;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Library;

namespace Platform.Application.Library;

/// <summary>A NetworkEditor writes a new library item: a draft with version 1.</summary>
public sealed record CreateLibraryItemCommand(
    string Title,
    string? Summary = null,
    string? BodyMarkdown = null,
    IReadOnlyList<string>? Topics = null,
    string? Language = null,
    string? EasyTitle = null,
    string? EasySummary = null,
    string? EasyBodyMarkdown = null,
    string? CallToActionLabel = null,
    string? CallToActionUrl = null,
    byte[]? CoverImage = null,
    string? CoverImageAlt = null,
    DateTime? ExpiresAt = null,
    DateTime? EventStartsAt = null,
    DateTime? EventEndsAt = null,
    string? EventPlace = null,
    string? EventOnlineUrl = null,
    int? EventCapacity = null) : ICommand<LibraryItemState>, ILibraryInput
{
    bool IPostInput.RemoveCoverImage => false;
}

public sealed class CreateLibraryItemValidator : AbstractValidator<CreateLibraryItemCommand>
{
    public CreateLibraryItemValidator() => Include(new LibraryInputValidator());
}

public sealed class CreateLibraryItemHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, IImageProcessor images)
    : ICommandHandler<CreateLibraryItemCommand, LibraryItemState>
{
    public async ValueTask<LibraryItemState> Handle(CreateLibraryItemCommand command, CancellationToken cancellationToken)
    {
        user.RequireNetworkEditor();
        var now = clock.GetUtcNow().UtcDateTime;
        var item = LibraryItem.Create(command.ToContent(db.CoverImageFor(images, command, previous: null, now)), user.Actor(), now);
        db.LibraryItems.Add(item);
        await db.SaveLibraryAsync(cancellationToken);
        return item.State();
    }
}
