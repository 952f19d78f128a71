using FluentValidation;
using Mediator;
using Platform.Application.Common;

namespace Platform.Application.Library;

/// <summary>
/// A NetworkEditor changes a campaign's title, note or date. Jobcenters that opted in keep the date they agreed to and
/// see the new one next to it; they follow it by opting in again (ADR-014).
/// </summary>
public sealed record UpdateLibraryCampaignCommand(Guid CampaignId, string Title, DateTime PublishAt, string? Note = null)
    : ICommand<CampaignState>, ICampaignInput;

public sealed class UpdateLibraryCampaignValidator : AbstractValidator<UpdateLibraryCampaignCommand>
{
    public UpdateLibraryCampaignValidator()
    {
        RuleFor(c => c.CampaignId).NotEmpty();
        Include(new CampaignInputValidator());
    }
}

public sealed class UpdateLibraryCampaignHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<UpdateLibraryCampaignCommand, CampaignState>
{
    public async ValueTask<CampaignState> Handle(UpdateLibraryCampaignCommand command, CancellationToken cancellationToken)
    {
        user.RequireNetworkEditor();
        var now = clock.GetUtcNow().UtcDateTime;
        LibraryCampaigns.RequireFuture(command.PublishAt, now);
        var campaign = await db.LoadCampaignAsync(command.CampaignId, cancellationToken);
        campaign.Change(command.Title, command.Note, command.PublishAt, now);
        await db.SaveLibraryAsync(cancellationToken);
        return campaign.State();
    }
}
