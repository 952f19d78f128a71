using FluentValidation;
using Mediator;
using Platform.Application.Common;
using Platform.Application.Reminders;
using Platform.Application.Resources;
using Platform.Domain.Posts;
using Platform.Domain.Reminders;

namespace Platform.Application.Posts;

/// <summary>A reviewer sends a post back to its author with a comment.</summary>
public sealed record ReturnPostCommand(Guid PostId, string Comment) : ICommand<PostState>;

public sealed class ReturnPostValidator : AbstractValidator<ReturnPostCommand>
{
    public ReturnPostValidator()
    {
        RuleFor(c => c.PostId).NotEmpty();
        RuleFor(c => c.Comment).NotEmpty().WithMessage("Bitte schreibe, warum der Beitrag zurückgeht.")
            .MaximumLength(PostTransition.MaxCommentLength).WithMessage("Der Kommentar ist zu lang.");
    }
}

public sealed class ReturnPostHandler(
    IAppDbContext db, ICurrentTenant tenant, ICurrentUser user, TimeProvider clock, IPostPublicationScheduler scheduler, StaffAlerter alerts)
    : ICommandHandler<ReturnPostCommand, PostState>
{
    public async ValueTask<PostState> Handle(ReturnPostCommand command, CancellationToken cancellationToken)
    {
        var rule = await db.FourEyesRuleAsync(tenant, cancellationToken);
        user.RequireReviewer(rule);
        var post = await db.LoadPostAsync(command.PostId, cancellationToken);
        post.ReturnToAuthor(command.Comment, user.Actor(), clock.GetUtcNow().UtcDateTime);
        await alerts.AddAsync(
            new StaffAlert(
                NotificationKind.ReviewDecided, post.Id, post.Version, StaffText.Get("ReviewReturned.Title"),
                StaffText.Format("ReviewReturned.Text", post.Content.Title, command.Comment.Trim()), $"/redaktion/beitraege/{post.Id}",
                To: [post.AuthorId], Except: user.Id),
            cancellationToken);
        return await db.CommitAsync(post, "post.returned", user, clock, scheduler, cancellationToken);
    }
}
