using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Security;
using Platform.Application.ContactRequests;

namespace Platform.Api.Endpoints;

/// <summary>The contact form (anyone, rate limited) and the jobcenter's inbox (TenantAdmins and Editors of the current tenant).</summary>
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
        return api;
    }

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
