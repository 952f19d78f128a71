using FluentValidation;
using Mediator;
using Platform.Application.Common;
using Platform.Application.Posts;

namespace Platform.Application.Library;

/// <summary>
/// A NetworkEditor gives a library draft to review, or (another one) approves it, which publishes the version; the
/// jobcenters that adopted an earlier one are then alerted (<see cref="ILibraryUpdateNotifier"/>).
/// </summary>
public sealed record ReviewLibraryItemCommand(Guid ItemId, bool Approve) : ICommand<LibraryItemState>;

public sealed class ReviewLibraryItemValidator : AbstractValidator<ReviewLibraryItemCommand>
{
    public ReviewLibraryItemValidator()
    {
        RuleFor(c => c.ItemId).NotEmpty();
    }
}

public sealed class ReviewLibraryItemHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, ILibraryUpdateNotifier adopters)
    : ICommandHandler<ReviewLibraryItemCommand, LibraryItemState>
{
    public async ValueTask<LibraryItemState> Handle(ReviewLibraryItemCommand command, CancellationToken cancellationToken)
    {
        user.RequireNetworkEditor();
        var item = await db.LoadLibraryItemAsync(command.ItemId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (command.Approve)
        {
            item.Approve(user.Actor(), now);
        }
        else
        {
            item.Submit(now);
        }

        await db.SaveLibraryAsync(cancellationToken);
        if (command.Approve && item.PublishedVersion is int version && version > 1)
        {
            adopters.VersionPublished(item.Id, version);
        }

        return item.State();
    }
}
