using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Platform.Application.Common;
using Platform.Application.Posts;

namespace Platform.Web.Posts;

/// <summary>
/// The plain form behind "Hat dir das geholfen?" for browsers without JavaScript: <c>POST /posts/{id}/hilfreich</c>
/// counts the answer and leads back to the post (<c>?hilfreich=danke</c>), which then says thanks. It has no
/// antiforgery token on purpose: a token would make the post page <c>no-store</c> and set a cookie, and a forged
/// answer can do no more than the anonymous, rate-limited API (<c>POST api/v1/posts/{id}/feedback</c>) already allows.
/// </summary>
public static class PostFeedbackForm
{
    /// <summary>The query parameter of the post page after an answer, and its value.</summary>
    public const string QueryName = "hilfreich";

    /// <inheritdoc cref="QueryName"/>
    public const string Thanks = "danke";

    /// <summary>The form's address, relative to the tenant's base address.</summary>
    public static string Path(Guid postId) => $"posts/{postId}/hilfreich";

    /// <summary>The API address feedback.js sends the answer to, relative to the tenant's base address.</summary>
    public static string ApiPath(Guid postId) => $"api/v1/posts/{postId}/feedback";

    /// <summary>Maps the form's endpoint, rate limited like the API (<see cref="RateLimitPolicies.PostFeedback"/>).</summary>
    public static IEndpointConventionBuilder MapPostFeedbackForm(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/posts/{id:guid}/hilfreich", AnswerAsync)
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimitPolicies.PostFeedback)
            .ExcludeFromDescription();

    private static async Task<IResult> AnswerAsync(
        HttpContext context, ICurrentTenant current, IMediator mediator, Guid id, [FromForm] string? helpful, CancellationToken cancellationToken)
    {
        if (current.Tenant is null)
        {
            return Results.NotFound();
        }

        // Anything but "true" or "false" (a hand-made post) is answered by the validator with a 400 naming "helpful".
        await mediator.Send(new GivePostFeedbackCommand(id, bool.TryParse(helpful, out var parsed) ? parsed : null), cancellationToken);
        context.Response.Headers.Location = $"{context.Request.PathBase}/posts/{id}?{QueryName}={Thanks}#hilfreich-titel";
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }
}
