using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Security;
using Platform.Application.ContactRequests;

namespace Platform.Api.Endpoints;

/// <summary>
/// The contact form and the callback slots (anyone, rate limited), the jobcenter's inbox with its booked callbacks
/// (TenantAdmins and Editors of the current tenant) and the callback hours (TenantAdmins).
/// </summary>
public static class ContactRequestsEndpoints
{
    public static RouteGroupBuilder MapContactRequestsEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/contact", SubmitContactRequest)
            .WithTags("Contact")
            .WithSummary("Sends a question, a callback request or a reported barrier to the current jobcenter")
            .RequireRateLimiting(RateLimits.Contact);

        var inbox = api.MapGroup("/tenant/contact-requests").WithTags("Contact inbox").RequireAuthorization(PlatformPolicies.ContactInbox);
        inbox.MapGet("/", ListContactRequests).WithSummary("The jobcenter's contact requests, open ones first");
        inbox.MapGet("/{id:guid}", GetContactRequest).WithSummary("One request with the team's answers");
        inbox.MapPost("/{id:guid}/answers", AnswerContactRequest)
            .WithSummary("Answers by e-mail in the jobcenter's name (replies to the team); a request without an e-mail address is 409");
        inbox.MapPatch("/{id:guid}/done", MarkContactRequestDone).WithSummary("Marks a request as handled");
        inbox.MapDelete("/{id:guid}", DeleteContactRequest).WithSummary("Deletes a request before its retention period ends");

        var slots = api.MapGroup("/callback-slots").WithTags("Callbacks");
        slots.MapGet("/", GetCallbackSlots).WithSummary("The free callback slots of the next two weeks, from two hours from now");
        slots.MapPost("/bookings", BookCallback)
            .WithSummary("Books a slot with a phone number and a name; past, misaligned or full slots are 409")
            .RequireRateLimiting(RateLimits.Contact);
        slots.MapGet("/bookings/cancellation", GetCallbackCancellation).WithSummary("The booking a signed cancel link stands for");
        slots.MapPost("/bookings/cancellation", CancelCallback)
            .WithSummary("Cancels the booking of a signed cancel link and frees its place")
            .RequireRateLimiting(RateLimits.Contact);

        var callbacks = api.MapGroup("/tenant/callbacks").WithTags("Callbacks").RequireAuthorization(PlatformPolicies.ContactInbox);
        callbacks.MapGet("/", ListCallbacks).WithSummary("Today's and the coming booked callbacks, earliest first");
        callbacks.MapPost("/{id:guid}/outcome", RecordCallbackOutcome).WithSummary("Notes how a callback went: reached or not-reached");

        var hours = api.MapGroup("/tenant/callback-hours").WithTags("Callbacks").RequireAuthorization(PlatformPolicies.TenantAdmin);
        hours.MapGet("/", GetCallbackHours).WithSummary("The callback hours: weekly ranges in Europe/Berlin, slot length, calls per slot, closed days");
        hours.MapPut("/", UpdateCallbackHours).WithSummary("Sets the callback hours");
        return api;
    }

    public static async Task<Ok<CallbackSlots>> GetCallbackSlots(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetCallbackSlotsQuery(), ct));

    public static async Task<Created<CallbackReceipt>> BookCallback(BookCallbackCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Created((string?)null, await mediator.Send(command, ct));

    public static async Task<Ok<CallbackCancellation>> GetCallbackCancellation(string? token, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetCallbackCancellationQuery(token), ct));

    public static async Task<Ok<CallbackCancellation>> CancelCallback(CancelCallbackCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command, ct));

    public static async Task<Ok<IReadOnlyList<CallbackItem>>> ListCallbacks(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListCallbacksQuery(), ct));

    public static async Task<NoContent> RecordCallbackOutcome(Guid id, OutcomeRequest request, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RecordCallbackOutcomeCommand(id, request.Outcome), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<CallbackHoursView>> GetCallbackHours(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetCallbackHoursQuery(), ct));

    public static async Task<Ok<CallbackHoursView>> UpdateCallbackHours(UpdateCallbackHoursCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command, ct));

    public static async Task<Created<ContactRequestReceipt>> SubmitContactRequest(SubmitContactRequestCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Created((string?)null, await mediator.Send(command, ct));

    public static async Task<Ok<IReadOnlyList<ContactRequestItem>>> ListContactRequests(IMediator mediator, CancellationToken ct, bool includeDone = true) =>
        TypedResults.Ok(await mediator.Send(new ListContactRequestsQuery(includeDone), ct));

    public static async Task<Ok<ContactRequestDetails>> GetContactRequest(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetContactRequestQuery(id), ct));

    public static async Task<Created<ContactAnswerItem>> AnswerContactRequest(Guid id, AnswerRequest request, IMediator mediator, CancellationToken ct)
    {
        var answer = await mediator.Send(new AnswerContactRequestCommand(id, request.Text ?? ""), ct);
        return TypedResults.Created($"tenant/contact-requests/{id}", answer);
    }

    public static async Task<NoContent> MarkContactRequestDone(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new MarkContactRequestDoneCommand(id), ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> DeleteContactRequest(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteContactRequestCommand(id), ct);
        return TypedResults.NoContent();
    }
}

/// <summary>The body of a team's answer.</summary>
public sealed record AnswerRequest(string? Text);

/// <summary>How a booked callback went: <c>reached</c> or <c>not-reached</c>.</summary>
public sealed record OutcomeRequest(string? Outcome);
