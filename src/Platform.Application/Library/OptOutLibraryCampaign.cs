using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Library;

/// <summary>
/// The jobcenter leaves a campaign before its post is published: a schedule is cancelled (the post stays approved), and
/// the post stays the jobcenter's own.
/// </summary>
public sealed record OptOutLibraryCampaignCommand(Guid CampaignId) : ICommand<PostState>;

public sealed class OptOutLibraryCampaignValidator : AbstractValidator<OptOutLibraryCampaignCommand>
{
    public OptOutLibraryCampaignValidator() => RuleFor(c => c.CampaignId).NotEmpty();
}

public sealed class OptOutLibraryCampaignHandler(
    IAppDbContext db, ICurrentUser user, TimeProvider clock, IPostPublicationScheduler scheduler)
    : ICommandHandler<OptOutLibraryCampaignCommand, PostState>
{
    public async ValueTask<PostState> Handle(OptOutLibraryCampaignCommand command, CancellationToken cancellationToken)
    {
        var optIn = await db.LibraryCampaignOptIns.SingleOrDefaultAsync(o => o.CampaignId == command.CampaignId, cancellationToken)
            ?? throw new NotFoundException("Teilnahme an der Kampagne", command.CampaignId);
        var post = await db.LoadPostAsync(optIn.PostId, cancellationToken);
        if (post.Status == PostStatus.Published)
        {
            throw new DomainException(
                "campaign.postPublished", "Der Beitrag ist schon veröffentlicht. Nimm ihn im Editor zurück, wenn er nicht mehr erscheinen soll.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (post.Status == PostStatus.Scheduled)
        {
            post.CancelSchedule(user.Actor(), now);
        }

        var participation = await db.LibraryCampaignParticipations
            .SingleOrDefaultAsync(p => p.CampaignId == optIn.CampaignId && p.TenantId == optIn.TenantId, cancellationToken);
        if (participation is not null)
        {
            db.LibraryCampaignParticipations.Remove(participation);
        }

        db.LibraryCampaignOptIns.Remove(optIn);
        return await db.CommitAsync(post, "library.campaignOptOut", user, clock, scheduler, cancellationToken);
    }
}
