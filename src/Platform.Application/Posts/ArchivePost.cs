using FluentValidation;
using Mediator;
using Platform.Application.Common;

namespace Platform.Application.Posts;

/// <summary>Archives a post (a scheduled one loses its job).</summary>
public sealed record ArchivePostCommand(Guid PostId) : ICommand<PostState>;

public sealed class ArchivePostValidator : AbstractValidator<ArchivePostCommand>
{
    public ArchivePostValidator()
    {
        RuleFor(c => c.PostId).NotEmpty();
    }
}

public sealed class ArchivePostHandler(
    IAppDbContext db, ICurrentUser user, TimeProvider clock, IPostPublicationScheduler scheduler)
    : ICommandHandler<ArchivePostCommand, PostState>
{
    public async ValueTask<PostState> Handle(ArchivePostCommand command, CancellationToken cancellationToken)
    {
        var post = await db.LoadPostAsync(command.PostId, cancellationToken);
        post.Archive(user.Actor(), clock.GetUtcNow().UtcDateTime);
        return await db.CommitAsync(post, "post.archived", user, clock, scheduler, cancellationToken);
    }
}
