using FluentValidation;
using Mediator;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Common;
using Platform.Domain.Library;

namespace Platform.Application.Library;

/// <summary>
/// A NetworkEditor proposes a publication date (UTC; entered in Europe/Berlin) for a published library item. No four
/// eyes for the campaign itself: the item it points to was approved by a second NetworkEditor.
/// </summary>
public sealed record CreateLibraryCampaignCommand(Guid LibraryItemId, string Title, DateTime PublishAt, string? Note = null)
    : ICommand<CampaignState>, ICampaignInput;

public sealed record CampaignState(Guid Id, Guid LibraryItemId, string Title, DateTime PublishAt, DateTime PublishAtBerlin);

public sealed class CreateLibraryCampaignValidator : AbstractValidator<CreateLibraryCampaignCommand>
{
    public CreateLibraryCampaignValidator()
    {
        RuleFor(c => c.LibraryItemId).NotEmpty().WithMessage("Bitte wähle den Bibliothekseintrag der Kampagne.");
        Include(new CampaignInputValidator());
    }
}

public sealed class CreateLibraryCampaignHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateLibraryCampaignCommand, CampaignState>
{
    public async ValueTask<CampaignState> Handle(CreateLibraryCampaignCommand command, CancellationToken cancellationToken)
    {
        user.RequireNetworkEditor();
        var now = clock.GetUtcNow().UtcDateTime;
        LibraryCampaigns.RequireFuture(command.PublishAt, now);
        var item = await db.LoadLibraryItemAsync(command.LibraryItemId, cancellationToken);
        var campaign = LibraryCampaign.Create(item, command.Title, command.Note, command.PublishAt, user.Actor(), now);
        db.LibraryCampaigns.Add(campaign);
        await db.SaveLibraryAsync(cancellationToken);
        return campaign.State();
    }
}

public static class CampaignStates
{
    public static CampaignState State(this LibraryCampaign c) =>
        new(c.Id, c.LibraryItemId, c.Title, c.PublishAt, BerlinTime.ToLocal(c.PublishAt));
}
