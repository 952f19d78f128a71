using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Security;
using Platform.Application.Posts;

namespace Platform.Api.Endpoints.Posts;

/// <summary>The topics a jobcenter files its posts under (TenantAdmins of the current tenant only).</summary>
public static class TopicsEndpoints
{
    public static RouteGroupBuilder MapTopicsEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/tenant").WithTags("Tenant administration").RequireAuthorization(PlatformPolicies.TenantAdmin);
        admin.MapGet("/topics", ListTopics);
        admin.MapPost("/topics", CreateTopic);
        admin.MapDelete("/topics/{slug}", DeleteTopic);
        return api;
    }

    public static async Task<Ok<IReadOnlyList<TenantTopicItem>>> ListTopics(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListTenantTopicsQuery(), ct));

    public static async Task<Created<TenantTopicItem>> CreateTopic(CreateTenantTopicCommand command, IMediator mediator, CancellationToken ct)
    {
        var topic = await mediator.Send(command, ct);
        return TypedResults.Created($"topics/{topic.Slug}", topic);
    }

    public static async Task<NoContent> DeleteTopic(string slug, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteTenantTopicCommand(slug), ct);
        return TypedResults.NoContent();
    }
}
