using System.Text;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Application.Events;

namespace Platform.Api.Endpoints;

/// <summary>Upcoming events of the current jobcenter, registration with waiting list, and iCalendar files.</summary>
public static class EventsEndpoints
{
    public static RouteGroupBuilder MapEventsEndpoints(this RouteGroupBuilder api)
    {
        var events = api.MapGroup("/events").WithTags("Events");
        events.MapGet("/", ListEvents)
            .WithSummary("Upcoming published events, soonest first, with free seats and the caller's registration");

        events.MapGet("/calendar", GetEventMonth)
            .WithSummary("Published events of one month (month=yyyy-MM, default the current one), grouped by Berlin day");

        // The literal routes win over the parameter: feed.ics and calendar are never taken for an event id.
        events.MapGet("/feed.ics", GetFeed)
            .WithSummary("The jobcenter's upcoming public events as an iCalendar feed");
        events.MapGet("/{id}.ics", GetIcs)
            .WithSummary("One event as an iCalendar file");
        events.MapGet("/{id}", GetEvent)
            .WithSummary("One published event with free seats and the caller's registration");

        var registration = events.MapGroup("/{id}/registration").RequireAuthorization();
        registration.MapPost("/", Register)
            .WithSummary("Signs the caller up: a seat while there is one, otherwise the waiting list");
        registration.MapDelete("/", Cancel)
            .WithSummary("Cancels the caller's registration; a freed seat goes to the first person waiting");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<EventSummary>>> ListEvents(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListEventsQuery(), ct));

    public static async Task<Ok<EventMonth>> GetEventMonth(string? month, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetEventMonthQuery(month), ct));

    public static async Task<Ok<EventSummary>> GetEvent(string id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetEventQuery(ParseId(id)), ct));

    public static async Task<Ok<RegistrationResult>> Register(string id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RegisterForEventCommand(ParseId(id)), ct));

    public static async Task<Ok<RegistrationResult>> Cancel(string id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new CancelEventRegistrationCommand(ParseId(id)), ct));

    public static async Task<FileContentHttpResult> GetIcs(string id, IMediator mediator, CancellationToken ct)
    {
        var postId = ParseId(id);
        var text = await mediator.Send(new GetEventIcsQuery(postId), ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(text), ICalendar.ContentType, $"veranstaltung-{postId:N}.ics");
    }

    public static async Task<FileContentHttpResult> GetFeed(IMediator mediator, CancellationToken ct)
    {
        var text = await mediator.Send(new GetEventFeedQuery(), ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(text), ICalendar.ContentType);
    }

    // The id is bound as text so a malformed one is a 400 naming the field, not a routing 404.
    private static Guid ParseId(string id) =>
        Guid.TryParse(id, out var postId) && postId != Guid.Empty
            ? postId
            : throw new ValidationException([new ValidationFailure("id", "Die Veranstaltungs-ID ist keine gültige GUID.")]);
}
