using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;

namespace Platform.Application.Posts;

/// <summary>Takes a post off the signed-in person's "Merkliste". Idempotent: a post not on it is no error.</summary>
public sealed record RemoveBookmarkCommand(Guid PostId) : ICommand;

public sealed class RemoveBookmarkValidator : AbstractValidator<RemoveBookmarkCommand>
{
    public RemoveBookmarkValidator()
    {
        RuleFor(c => c.PostId).NotEmpty().WithMessage(_ => ValidationMessages.Get("Posts.IdMissing")).OverridePropertyName("postId");
    }
}

public sealed class RemoveBookmarkHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<RemoveBookmarkCommand>
{
    public async ValueTask<Unit> Handle(RemoveBookmarkCommand command, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId;
        await db.Bookmarks.Where(b => b.UserId == userId && b.PostId == command.PostId).ExecuteDeleteAsync(cancellationToken);
        return Unit.Value;
    }
}
