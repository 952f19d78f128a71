using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Library;
using Platform.Domain.Posts;

namespace Platform.Application.Library;

/// <summary>What campaign use cases and the post workflow share (ADR-014).</summary>
public static class LibraryCampaigns
{
    public static async Task<LibraryCampaign> LoadCampaignAsync(this IAppDbContext db, Guid campaignId, CancellationToken cancellationToken) =>
        await db.LibraryCampaigns.SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
            ?? throw new NotFoundException("Kampagne", campaignId);

    /// <summary>A campaign date must lie ahead: 400 naming the field.</summary>
    public static void RequireFuture(DateTime publishAt, DateTime now)
    {
        if (publishAt <= now)
        {
            throw new ValidationException([new ValidationFailure("PublishAt", "Der Termin der Kampagne muss in der Zukunft liegen.")]);
        }
    }

    /// <summary>
    /// After an approval: a post that takes part in a campaign is scheduled for the date its jobcenter agreed to, in the
    /// same step (the approval is made by a reviewer with a second factor). A date already past, or one the post would
    /// have expired by, leaves it approved for a person to schedule.
    /// </summary>
    public static async Task<bool> ScheduleForCampaignAsync(
        this IAppDbContext db, Post post, PostActor by, DateTime now, bool fourEyesRule, CancellationToken cancellationToken)
    {
        var optIn = await db.LibraryCampaignOptIns.AsNoTracking().FirstOrDefaultAsync(o => o.PostId == post.Id, cancellationToken);
        if (optIn is null || !optIn.SchedulesOnApproval(now) || post.Content.ExpiresAt <= optIn.PublishAt)
        {
            return false;
        }

        post.Schedule(optIn.PublishAt, by, now, fourEyesRule);
        return true;
    }

    /// <summary>Keeps the network team's view of a campaign (state and time of each jobcenter's post) in step with the post.</summary>
    public static async Task MirrorCampaignAsync(this IAppDbContext db, Post post, DateTime now, CancellationToken cancellationToken)
    {
        var campaignIds = await db.LibraryCampaignOptIns.AsNoTracking()
            .Where(o => o.PostId == post.Id)
            .Select(o => o.CampaignId)
            .ToListAsync(cancellationToken);
        if (campaignIds.Count == 0)
        {
            return;
        }

        var rows = await db.LibraryCampaignParticipations
            .Where(p => p.TenantId == post.TenantId && campaignIds.Contains(p.CampaignId))
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.Mirror(post, now);
        }
    }
}
