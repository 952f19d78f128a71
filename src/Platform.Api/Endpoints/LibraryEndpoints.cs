using System.ComponentModel;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Endpoints.Posts;
using Platform.Api.Security;
using Platform.Application.Library;
using Platform.Application.Posts;

namespace Platform.Api.Endpoints;

/// <summary>
/// The shared content library. NetworkEditors write, submit and approve items (four eyes among them) and see which
/// jobcenters use an item in which version; editorial staff of any jobcenter browse published items, adopt one as a
/// draft post of their own, and decide on updates (take over, keep their own).
/// </summary>
public static class LibraryEndpoints
{
    public static RouteGroupBuilder MapLibraryEndpoints(this RouteGroupBuilder api)
    {
        var library = api.MapGroup("/library").WithTags("Library");
        library.MapGet("/", SearchLibrary).RequireAuthorization(PlatformPolicies.LibraryReader)
            .WithSummary("Published items by topic, language and text (NetworkEditors: all items, latest version)");
        library.MapGet("/figures", GetLibraryFigures).RequireAuthorization(PlatformPolicies.LibraryWriter)
            .WithSummary("NetworkEditors: reads of every adopted library item over 7, 30 or 90 days, summed over the network, with this jobcenter's own; below 5 as \"< 5\"")
            .ProducesValidationProblem();
        library.MapGet("/{itemId:guid}", GetLibraryItem).RequireAuthorization(PlatformPolicies.LibraryReader);
        library.MapPost("/", CreateLibraryItem).RequireAuthorization(PlatformPolicies.LibraryWriter).WithSummary("A new draft item");
        library.MapPut("/{itemId:guid}", UpdateLibraryItem).RequireAuthorization(PlatformPolicies.LibraryWriter)
            .WithSummary("Changes the item as a new version; a stale baseVersion is 409");
        library.MapPut("/{itemId:guid}/translations/{language}", TranslateLibraryItem).RequireAuthorization(PlatformPolicies.LibraryWriter)
            .WithSummary("Sets the item's translation into an offered language, as a new version reviewed with the rest; a stale baseVersion is 409");
        library.MapDelete("/{itemId:guid}/translations/{language}", RemoveLibraryTranslation).RequireAuthorization(PlatformPolicies.LibraryWriter)
            .WithSummary("A new version without that translation; a stale baseVersion is 409");
        library.MapPost("/{itemId:guid}/submit", SubmitLibraryItem).RequireAuthorization(PlatformPolicies.LibraryWriter);
        library.MapPost("/{itemId:guid}/approve", ApproveLibraryItem).RequireAuthorization(PlatformPolicies.LibraryPublishing)
            .WithSummary("Publishes the version in review; a NetworkEditor other than its author, signed in with a second factor");
        library.MapPost("/{itemId:guid}/adopt", AdoptLibraryItem).RequireAuthorization(PlatformPolicies.Editorial)
            .WithSummary("A draft post of this jobcenter from the published version, placeholders filled");

        var campaigns = library.MapGroup("/campaigns");
        campaigns.MapGet("/", ListLibraryCampaigns).RequireAuthorization(PlatformPolicies.LibraryReader)
            .WithSummary("Campaigns, soonest first, with this jobcenter's participation (NetworkEditors: every participant's post state)");
        campaigns.MapPost("/", CreateLibraryCampaign).RequireAuthorization(PlatformPolicies.LibraryWriter)
            .WithSummary("A proposed publication date (UTC) for a published item; a past date is 400");
        campaigns.MapPut("/{campaignId:guid}", UpdateLibraryCampaign).RequireAuthorization(PlatformPolicies.LibraryWriter)
            .WithSummary("Changes title, note or date; participants see the new date and follow it by opting in again");
        campaigns.MapPost("/{campaignId:guid}/opt-in", OptInLibraryCampaign).RequireAuthorization(PlatformPolicies.Editorial)
            .WithSummary("Adopts the item (or uses the adoption); the post is scheduled for the campaign date when it is approved");
        campaigns.MapPost("/{campaignId:guid}/opt-out", OptOutLibraryCampaign).RequireAuthorization(PlatformPolicies.Editorial)
            .WithSummary("Leaves the campaign before publication; a schedule is cancelled");

        var adoptions = library.MapGroup("/adoptions").RequireAuthorization(PlatformPolicies.Editorial);
        adoptions.MapGet("/", ListAdoptions).WithSummary("This jobcenter's adoptions, with updateAvailable");
        adoptions.MapGet("/{adoptionId:guid}/diff", DiffAdoption).WithSummary("Adopted version against the newest published one");
        adoptions.MapPost("/{adoptionId:guid}/take-over", TakeOver).WithSummary("Three-way take-over; conflicting fields keep the local text");
        adoptions.MapPost("/{adoptionId:guid}/keep-own", KeepOwn).WithSummary("Keeps the local text, marks the new version as seen");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<LibraryItemSummary>>> SearchLibrary(
        IMediator mediator, CancellationToken ct, string? topic = null, string? language = null, string? q = null) =>
        TypedResults.Ok(await mediator.Send(new SearchLibraryQuery(topic, language, q), ct));

    public static async Task<Ok<LibraryFiguresPage>> GetLibraryFigures(IMediator mediator, CancellationToken ct, int days = GetEditorialFiguresQuery.DefaultDays) =>
        TypedResults.Ok(await mediator.Send(new GetLibraryFiguresQuery(days), ct));

    public static async Task<Ok<LibraryItemDetails>> GetLibraryItem(Guid itemId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetLibraryItemQuery(itemId), ct));

    public static async Task<Created<LibraryItemState>> CreateLibraryItem(CreateLibraryItemCommand command, IMediator mediator, CancellationToken ct)
    {
        var state = await mediator.Send(command, ct);
        return TypedResults.Created($"library/{state.Id}", state);
    }

    public static async Task<Ok<LibraryItemState>> UpdateLibraryItem(Guid itemId, UpdateLibraryItemRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateLibraryItemCommand(itemId, request.BaseVersion, request, request.RemoveCoverImage), ct));

    public static async Task<Ok<LibraryItemState>> TranslateLibraryItem(
        Guid itemId, string language, SaveTranslationRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new TranslateLibraryItemCommand(itemId, language, request.BaseVersion ?? 0, request), ct));

    public static async Task<Ok<LibraryItemState>> RemoveLibraryTranslation(
        Guid itemId, string language, IMediator mediator, CancellationToken ct, int baseVersion = 0) =>
        TypedResults.Ok(await mediator.Send(new RemoveLibraryTranslationCommand(itemId, language, baseVersion), ct));

    public static async Task<Ok<LibraryItemState>> SubmitLibraryItem(Guid itemId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ReviewLibraryItemCommand(itemId, Approve: false), ct));

    public static async Task<Ok<LibraryItemState>> ApproveLibraryItem(Guid itemId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ReviewLibraryItemCommand(itemId, Approve: true), ct));

    public static async Task<Created<AdoptionState>> AdoptLibraryItem(Guid itemId, IMediator mediator, CancellationToken ct)
    {
        var state = await mediator.Send(new AdoptLibraryItemCommand(itemId), ct);
        return TypedResults.Created($"editorial/posts/{state.PostId}", state);
    }

    public static async Task<Ok<IReadOnlyList<CampaignView>>> ListLibraryCampaigns(IMediator mediator, CancellationToken ct, bool includePast = false) =>
        TypedResults.Ok(await mediator.Send(new ListLibraryCampaignsQuery(includePast), ct));

    public static async Task<Created<CampaignState>> CreateLibraryCampaign(CreateLibraryCampaignCommand command, IMediator mediator, CancellationToken ct)
    {
        var state = await mediator.Send(command, ct);
        return TypedResults.Created($"library/campaigns/{state.Id}", state);
    }

    public static async Task<Ok<CampaignState>> UpdateLibraryCampaign(Guid campaignId, CampaignRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateLibraryCampaignCommand(campaignId, request.Title ?? "", request.PublishAt, request.Note), ct));

    /// <summary>Whether the caller may also schedule (a reviewer with a second factor) is the Publishing policy's answer.</summary>
    public static async Task<Ok<CampaignOptInState>> OptInLibraryCampaign(
        Guid campaignId, IMediator mediator, IAuthorizationService authorization, HttpContext http, CancellationToken ct)
    {
        var mayPublish = (await authorization.AuthorizeAsync(http.User, http, PlatformPolicies.Publishing)).Succeeded;
        return TypedResults.Ok(await mediator.Send(new OptInLibraryCampaignCommand(campaignId, mayPublish), ct));
    }

    public static async Task<Ok<PostState>> OptOutLibraryCampaign(Guid campaignId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new OptOutLibraryCampaignCommand(campaignId), ct));

    public static async Task<Ok<IReadOnlyList<AdoptionView>>> ListAdoptions(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListLibraryAdoptionsQuery(), ct));

    public static async Task<Ok<PostVersionDiff>> DiffAdoption(Guid adoptionId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new DiffLibraryAdoptionQuery(adoptionId), ct));

    public static async Task<Ok<TakeOverResult>> TakeOver(Guid adoptionId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new TakeOverLibraryUpdateCommand(adoptionId), ct));

    public static async Task<Ok<AdoptionState>> KeepOwn(Guid adoptionId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new KeepOwnLibraryTextCommand(adoptionId), ct));
}

/// <summary>The body of an update: the content, the version the NetworkEditor started from, and whether the cover goes.</summary>
public sealed record UpdateLibraryItemRequest : PostInput
{
    public required int BaseVersion { get; init; }

    [DefaultValue(false)]
    public bool RemoveCoverImage { get; init; }
}

/// <summary>The body of a campaign change (the date in UTC).</summary>
public sealed record CampaignRequest(string? Title, DateTime PublishAt, string? Note = null);
