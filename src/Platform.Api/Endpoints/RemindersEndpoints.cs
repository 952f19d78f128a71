using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Security;
using Platform.Application.Reminders;

namespace Platform.Api.Endpoints;

/// <summary>
/// Reminders, the notification centre, notification settings and push subscriptions of the signed-in person; the
/// anonymous topic subscriptions and the one-tap unsubscribe.
/// </summary>
public static class RemindersEndpoints
{
    public static RouteGroupBuilder MapRemindersEndpoints(this RouteGroupBuilder api)
    {
        var reminders = api.MapGroup("/reminders").WithTags("Reminders").RequireAuthorization();
        reminders.MapGet("/", ListReminders);
        reminders.MapPost("/", CreateReminder);
        reminders.MapDelete("/{reminderId:guid}", DeleteReminder);

        var notifications = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization();
        notifications.MapGet("/", GetNotifications);
        notifications.MapPost("/{notificationId:guid}/read", MarkNotificationRead);
        notifications.MapPost("/read", MarkAllNotificationsRead);
        notifications.MapGet("/settings", GetNotificationSettings);
        notifications.MapPut("/settings", UpdateNotificationSettings);
        notifications.MapPost("/push-subscriptions", SubscribePush);
        notifications.MapPut("/followed-topics/{topic}", FollowTopic).WithSummary("Follows one topic; the others stay as they are");
        notifications.MapDelete("/followed-topics/{topic}", UnfollowTopic).WithSummary("Stops following one topic");

        var open = api.MapGroup("/notifications").WithTags("Notifications");
        open.MapPost("/unsubscribe", Unsubscribe);
        open.MapPost("/unsubscribe/one-click", UnsubscribeOneClick)
            .WithSummary("RFC 8058 one-click unsubscribe: the address of an e-mail's List-Unsubscribe header, token in the query");
        open.MapGet("/push-key", GetPushKey);
        open.MapPost("/topic-subscriptions", SubscribeTopics).RequireRateLimiting(RateLimits.SignIn);
        open.MapDelete("/topic-subscriptions/{subscriptionId:guid}", DeleteTopicSubscription);
        return api;
    }

    public static async Task<Ok<IReadOnlyList<ReminderSummary>>> ListReminders(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListRemindersQuery(), ct));

    public static async Task<Created<ReminderSummary>> CreateReminder(CreateReminderCommand command, IMediator mediator, CancellationToken ct)
    {
        var reminder = await mediator.Send(command, ct);
        return TypedResults.Created($"reminders/{reminder.Id}", reminder);
    }

    public static async Task<NoContent> DeleteReminder(Guid reminderId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteReminderCommand(reminderId), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<NotificationCenter>> GetNotifications(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetNotificationsQuery(), ct));

    public static async Task<NoContent> MarkNotificationRead(Guid notificationId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new MarkNotificationsReadCommand(notificationId), ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> MarkAllNotificationsRead(IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new MarkNotificationsReadCommand(null), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<NotificationSettings>> GetNotificationSettings(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetNotificationSettingsQuery(), ct));

    public static async Task<Ok<NotificationSettings>> UpdateNotificationSettings(UpdateNotificationSettingsCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command, ct));

    public static async Task<Ok<FollowedTopics>> FollowTopic(string topic, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new FollowTopicCommand(topic, true), ct));

    public static async Task<Ok<FollowedTopics>> UnfollowTopic(string topic, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new FollowTopicCommand(topic, false), ct));

    public static async Task<Ok<SubscriptionId>> SubscribePush(SubscribePushCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(new SubscriptionId(await mediator.Send(command, ct)));

    public static async Task<Ok<UnsubscribeResult>> Unsubscribe(UnsubscribeCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command, ct));

    /// <summary>
    /// Mail clients post <c>List-Unsubscribe=One-Click</c> as a form to the header's address; the body carries nothing
    /// the platform needs, so it is not bound (and no antiforgery token can be expected from a mail client).
    /// </summary>
    public static async Task<Ok<UnsubscribeResult>> UnsubscribeOneClick(string? token, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UnsubscribeCommand(token ?? ""), ct));

    public static Ok<PushKey> GetPushKey(IPushSender push) => TypedResults.Ok(new PushKey(push.PublicKey));

    public static async Task<Created<TopicSubscription>> SubscribeTopics(SubscribeTopicsCommand command, IMediator mediator, CancellationToken ct)
    {
        var subscription = await mediator.Send(command, ct);
        return TypedResults.Created($"notifications/topic-subscriptions/{subscription.Id}", subscription);
    }

    public static async Task<NoContent> DeleteTopicSubscription(Guid subscriptionId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteTopicSubscriptionCommand(subscriptionId), ct);
        return TypedResults.NoContent();
    }
}

public sealed record SubscriptionId(Guid Id);

public sealed record PushKey(string PublicKey);
