using FluentValidation;
using Mediator;
using Platform.Application.Common;
using Platform.Application.Posts;

namespace Platform.Application.Library;

/// <summary>A NetworkEditor changes a library item: a new version, which needs a new approval before tenants see it.</summary>
public sealed record UpdateLibraryItemCommand(
    Guid ItemId,
    int BaseVersion,
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
    bool RemoveCoverImage = false,
    string? CoverImageAlt = null,
    DateTime? ExpiresAt = null,
    DateTime? EventStartsAt = null,
    DateTime? EventEndsAt = null,
    string? EventPlace = null,
    string? EventOnlineUrl = null,
    int? EventCapacity = null) : ICommand<LibraryItemState>, ILibraryInput;

public sealed class UpdateLibraryItemValidator : AbstractValidator<UpdateLibraryItemCommand>
{
    public UpdateLibraryItemValidator()
    {
        RuleFor(c => c.ItemId).NotEmpty();
        RuleFor(c => c.BaseVersion).GreaterThan(0).WithMessage("Bitte gib die Version an, von der deine Änderung ausgeht.");
        Include(new LibraryInputValidator());
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
        item.Edit(command.ToContent(db.CoverImageFor(images, command, item.Latest, now)), command.BaseVersion, user.Actor(), now);
        await db.SaveLibraryAsync(cancellationToken);
        return item.State();
    }
}
