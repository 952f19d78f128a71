using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Common;
using Platform.Domain.Library;
using Platform.Domain.Posts;

namespace Platform.Application.Library;

/// <summary>
/// An editor of the current jobcenter takes part in a campaign: the library item is adopted (or the existing adoption
/// is used) and its post carries the campaign date. The post is scheduled for it when it is approved under the
/// jobcenter's own review rule. Only when the post may already go public under that rule (approved, or no four eyes)
/// and the caller may publish (<paramref name="MayPublish"/>: a reviewer-capable person with a second factor) is it
/// scheduled right here, through the same validated step. Opting in again follows a moved campaign date.
/// </summary>
public sealed record OptInLibraryCampaignCommand(Guid CampaignId, bool MayPublish = false) : ICommand<CampaignOptInState>;

public sealed record CampaignOptInState(Guid CampaignId, Guid PostId, PostStatus PostStatus, DateTime PublishAt, DateTime? ScheduledFor);

public sealed class OptInLibraryCampaignValidator : AbstractValidator<OptInLibraryCampaignCommand>
{
    public OptInLibraryCampaignValidator() => RuleFor(c => c.CampaignId).NotEmpty();
}

public sealed class OptInLibraryCampaignHandler(
    IAppDbContext db, ICurrentTenant tenant, ICurrentUser user, TimeProvider clock, IPostPublicationScheduler scheduler, IImageProcessor images)
    : ICommandHandler<OptInLibraryCampaignCommand, CampaignOptInState>
{
    public async ValueTask<CampaignOptInState> Handle(OptInLibraryCampaignCommand command, CancellationToken cancellationToken)
    {
        var campaign = await db.LoadCampaignAsync(command.CampaignId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (campaign.PublishAt <= now)
        {
            throw new DomainException("campaign.past", "Der Termin dieser Kampagne ist vorbei.");
        }

        var tenantId = tenant.RequiredId;
        var optIn = await db.LibraryCampaignOptIns.SingleOrDefaultAsync(o => o.CampaignId == campaign.Id, cancellationToken);
        Post post;
        LibraryCampaignParticipation? joined = null;
        if (optIn is not null)
        {
            optIn.Follow(campaign, now);
            post = await db.LoadPostAsync(optIn.PostId, cancellationToken);
        }
        else
        {
            var adoption = await db.LibraryAdoptions.SingleOrDefaultAsync(a => a.LibraryItemId == campaign.LibraryItemId, cancellationToken);
            if (adoption is null)
            {
                (_, post) = await AdoptLibraryItemHandler.AdoptAsync(db, tenant, user, clock, images, campaign.LibraryItemId, cancellationToken);
            }
            else
            {
                post = await db.LoadPostAsync(adoption.PostId, cancellationToken);
                if (await db.LibraryCampaignOptIns.AnyAsync(o => o.PostId == post.Id, cancellationToken))
                {
                    throw new DomainException(
                        "campaign.otherCampaign", "Dieser Beitrag nimmt schon an einer anderen Kampagne teil. Steig dort zuerst aus.");
                }
            }

            if (post.Status is PostStatus.Published or PostStatus.Archived)
            {
                throw new DomainException(
                    "campaign.postPublished", "Der übernommene Beitrag ist schon veröffentlicht oder archiviert und kann nicht mehr geplant werden.");
            }

            optIn = LibraryCampaignOptIn.Create(tenantId, campaign, post.Id, user.Actor(), now);
            db.LibraryCampaignOptIns.Add(optIn);
            joined = LibraryCampaignParticipation.Of(campaign.Id, tenantId, post, now);
            db.LibraryCampaignParticipations.Add(joined);
        }

        var rule = await db.FourEyesRuleAsync(tenant, cancellationToken);
        var mayGoPublic = !rule || post.Status is PostStatus.Approved or PostStatus.Scheduled;
        var reviewerCapable = !rule || user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.TenantAdmin);
        var mayMoveSchedule = command.MayPublish && reviewerCapable;
        if (post.Status == PostStatus.Scheduled && post.PublishAt != optIn.PublishAt && !mayMoveSchedule)
        {
            // The date the jobcenter agreed to must not drift from the one its post is planned for.
            throw new ForbiddenException(
                "Der Beitrag ist schon geplant. Den Termin der Kampagne übernimmt eine prüfende Person, die mit zweitem Faktor angemeldet ist.");
        }

        if (mayMoveSchedule && mayGoPublic
            && post.Status is not (PostStatus.Published or PostStatus.Archived) && post.PublishAt != optIn.PublishAt)
        {
            post.Schedule(optIn.PublishAt, user.Actor(), now, rule);
        }

        // The opt-in is saved with the post, the network team's row mirrors it, and the job is made after the commit.
        joined?.Mirror(post, now);
        var state = await db.CommitAsync(post, "library.campaignOptIn", user, clock, scheduler, cancellationToken);
        return new CampaignOptInState(campaign.Id, post.Id, state.Status, optIn.PublishAt, state.PublishAt);
    }
}
