using System.ComponentModel;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Security;
using Platform.Application.Posts;
using Platform.Domain.Posts;

namespace Platform.Api.Endpoints.Posts;

/// <summary>
/// The editorial workflow for staff of the current jobcenter (Editor, Reviewer, TenantAdmin): posts in every status,
/// versions and diffs, preview, workflow steps and the content calendar. Steps that make content public (approve,
/// schedule, publish) also need the <see cref="PlatformPolicies.Publishing"/> policy.
/// </summary>
public static class EditorialEndpoints
{
    public static RouteGroupBuilder MapEditorialEndpoints(this RouteGroupBuilder api)
    {
        var posts = api.MapGroup("/editorial/posts").WithTags("Editorial").RequireAuthorization(PlatformPolicies.Editorial);
        posts.MapGet("/", ListEditorialPosts).WithSummary("Posts of the jobcenter in any status, optionally of one");
        posts.MapPost("/", CreatePost).WithSummary("A new draft");
        posts.MapPost("/preview", PreviewPost).WithSummary("Markdown rendered and sanitized exactly as readers see it");
        posts.MapGet("/calendar", GetContentCalendar).WithSummary("Scheduled and published posts between two instants, UTC and Europe/Berlin");
        posts.MapGet("/{postId:guid}", GetEditorialPost).WithSummary("One post with versions, transitions and job runs");
        posts.MapPut("/{postId:guid}", UpdatePost).WithSummary("Changes the content as a new version; a stale baseVersion is 409");
        posts.MapGet("/{postId:guid}/cover", GetPostCoverImage).WithSummary("The cover image");
        posts.MapGet("/{postId:guid}/instagram", GetInstagramKit)
            .WithSummary("The Instagram kit of a published or scheduled post: caption and slides with alt texts (ADR-026)");
        posts.MapGet("/{postId:guid}/instagram.zip", GetInstagramZip).WithSummary("The Instagram kit as one ZIP: slides, caption.txt, alt-texts.txt");
        posts.MapGet("/{postId:guid}/instagram/slides/{number:int}.png", GetInstagramSlide).WithSummary("One slide of the Instagram kit, 1080×1350");
        posts.MapGet("/{postId:guid}/views", GetPostViews).WithSummary("Readings per day over the last 30 days (Europe/Berlin) and in total");
        posts.MapGet("/{postId:guid}/versions/{from:int}/diff/{to:int}", DiffPostVersions).WithSummary("Line diff of each changed field");
        posts.MapPost("/{postId:guid}/submit", SubmitPost);
        posts.MapPost("/{postId:guid}/return", ReturnPost);
        posts.MapPost("/{postId:guid}/cancel-schedule", CancelPostSchedule);
        posts.MapPost("/{postId:guid}/unpublish", UnpublishPost);
        posts.MapPost("/{postId:guid}/archive", ArchivePost);
        posts.MapPost("/{postId:guid}/approve", ApprovePost).RequireAuthorization(PlatformPolicies.Publishing);
        posts.MapPost("/{postId:guid}/schedule", SchedulePost).RequireAuthorization(PlatformPolicies.Publishing);
        posts.MapPost("/{postId:guid}/publish", PublishPost).RequireAuthorization(PlatformPolicies.Publishing);

        // Figures without tracking anyone (issue 16): counts per post and day only, each below 5 shown as "< 5".
        var figures = api.MapGroup("/editorial").WithTags("Editorial").RequireAuthorization(PlatformPolicies.Editorial);
        figures.MapGet("/figures", GetEditorialFigures)
            .WithSummary("Reads per post and topic, the ten most read posts and the helpful answers of the last 7, 30 or 90 days; below 5 as \"< 5\"")
            .ProducesValidationProblem();
        figures.MapGet("/figures.csv", GetEditorialFiguresCsv).WithSummary("The same figures as CSV (semicolon-separated, UTF-8)");

        // Translations (issue 14): each with its own versions and its own four-eyes review.
        var translations = posts.MapGroup("/{postId:guid}/translations/{language}");
        translations.MapPut("/", SaveTranslation)
            .WithSummary("Writes the translation into one of the platform's languages as a new version (a draft); a stale baseVersion is 409");
        translations.MapPost("/submit", SubmitTranslation).WithSummary("Hands the translation's newest version in for review");
        translations.MapPost("/return", ReturnTranslation).WithSummary("Sends the version in review back to its author, with a comment");
        translations.MapPost("/approve", ApproveTranslation).RequireAuthorization(PlatformPolicies.Publishing)
            .WithSummary("Approves the version in review: readers see it from now on");
        translations.MapDelete("/", DeleteTranslation).WithSummary("Removes the translation and its versions");
        return api;
    }

    public static async Task<Ok<EditorialFigures>> GetEditorialFigures(IMediator mediator, CancellationToken ct, int days = GetEditorialFiguresQuery.DefaultDays) =>
        TypedResults.Ok(await mediator.Send(new GetEditorialFiguresQuery(days), ct));

    public static async Task<FileContentHttpResult> GetEditorialFiguresCsv(IMediator mediator, CancellationToken ct, int days = GetEditorialFiguresQuery.DefaultDays)
    {
        var figures = await mediator.Send(new GetEditorialFiguresQuery(days), ct);
        return TypedResults.File(
            System.Text.Encoding.UTF8.GetBytes(EditorialFiguresCsv.Write(figures)), "text/csv; charset=utf-8", $"zahlen-{figures.From:yyyy-MM-dd}-{figures.To:yyyy-MM-dd}.csv");
    }

    public static async Task<Ok<IReadOnlyList<EditorialPostSummary>>> ListEditorialPosts(
        IMediator mediator, CancellationToken ct, string? status = null, int page = 1, int pageSize = 50)
    {
        PostStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<PostStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s) || int.TryParse(status, out _))
            {
                throw new ValidationException([new ValidationFailure("status", $"Unbekannter Status. Erlaubt sind: {string.Join(", ", Enum.GetNames<PostStatus>())}.")]);
            }

            parsed = s;
        }

        return TypedResults.Ok(await mediator.Send(new ListEditorialPostsQuery(parsed, page, pageSize), ct));
    }

    public static async Task<Created<PostState>> CreatePost(CreatePostCommand command, IMediator mediator, CancellationToken ct)
    {
        var state = await mediator.Send(command, ct);
        return TypedResults.Created($"editorial/posts/{state.Id}", state);
    }

    public static async Task<Ok<PostPreview>> PreviewPost(PreviewPostQuery query, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(query, ct));

    public static async Task<Ok<IReadOnlyList<CalendarEntry>>> GetContentCalendar(IMediator mediator, DateTime from, DateTime to, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetContentCalendarQuery(from, to), ct));

    public static async Task<Ok<EditorialPost>> GetEditorialPost(Guid postId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetEditorialPostQuery(postId), ct));

    public static async Task<Ok<PostViews>> GetPostViews(Guid postId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetPostViewsQuery(postId), ct));

    public static async Task<Ok<PostState>> UpdatePost(Guid postId, UpdatePostRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdatePostCommand(postId, request.BaseVersion, request, request.RemoveCoverImage), ct));

    public static async Task<FileContentHttpResult> GetPostCoverImage(Guid postId, IMediator mediator, CancellationToken ct)
    {
        var image = await mediator.Send(new GetPostCoverImageQuery(postId), ct);
        return TypedResults.File(image.Content, image.ContentType);
    }

    public static async Task<Ok<InstagramKit>> GetInstagramKit(Guid postId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetInstagramKitQuery(postId), ct));

    public static async Task<FileContentHttpResult> GetInstagramZip(Guid postId, IMediator mediator, CancellationToken ct)
    {
        var zip = await mediator.Send(new GetInstagramZipQuery(postId), ct);
        return TypedResults.File(zip.Content, "application/zip", zip.FileName);
    }

    public static async Task<FileContentHttpResult> GetInstagramSlide(
        Guid postId, int number, HttpContext context, IMediator mediator, CancellationToken ct, string? v = null)
    {
        var slide = await mediator.Send(new GetInstagramSlideQuery(postId, number), ct);

        // Staff only: never in a shared cache. With the current version the browser may keep it for a day.
        context.Response.Headers.CacheControl = string.Equals(v, slide.Version, StringComparison.Ordinal) ? "private, max-age=86400" : "private, no-cache";
        return TypedResults.File(slide.Png, "image/png");
    }

    public static async Task<Ok<PostVersionDiff>> DiffPostVersions(Guid postId, int from, int to, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new DiffPostVersionsQuery(postId, from, to), ct));

    public static async Task<Ok<PostState>> SubmitPost(Guid postId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SubmitPostCommand(postId), ct));

    public static async Task<Ok<PostState>> ReturnPost(Guid postId, ReturnPostRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ReturnPostCommand(postId, request.Comment ?? ""), ct));

    public static async Task<Ok<PostState>> CancelPostSchedule(Guid postId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new CancelPostScheduleCommand(postId), ct));

    public static async Task<Ok<PostState>> UnpublishPost(Guid postId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UnpublishPostCommand(postId), ct));

    public static async Task<Ok<PostState>> ArchivePost(Guid postId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ArchivePostCommand(postId), ct));

    public static async Task<Ok<PostState>> ApprovePost(Guid postId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ApprovePostCommand(postId), ct));

    public static async Task<Ok<PostState>> SchedulePost(Guid postId, SchedulePostRequest request, IMediator mediator, CancellationToken ct)
    {
        if (request.PublishAt is not { } publishAt)
        {
            throw new ValidationException([new ValidationFailure("publishAt", "Bitte gib an, wann der Beitrag erscheinen soll (UTC).")]);
        }

        return TypedResults.Ok(await mediator.Send(new SchedulePostCommand(postId, publishAt.UtcDateTime), ct));
    }

    public static async Task<Ok<PostState>> PublishPost(Guid postId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new PublishPostCommand(postId), ct));

    public static async Task<Ok<TranslationState>> SaveTranslation(
        Guid postId, string language, SaveTranslationRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SaveTranslationCommand(postId, language, request.BaseVersion, request), ct));

    public static async Task<Ok<TranslationState>> SubmitTranslation(Guid postId, string language, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SubmitTranslationCommand(postId, language), ct));

    public static async Task<Ok<TranslationState>> ReturnTranslation(
        Guid postId, string language, ReturnPostRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ReturnTranslationCommand(postId, language, request.Comment ?? ""), ct));

    public static async Task<Ok<TranslationState>> ApproveTranslation(Guid postId, string language, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ApproveTranslationCommand(postId, language), ct));

    public static async Task<Ok<TranslationState>> DeleteTranslation(Guid postId, string language, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new DeleteTranslationCommand(postId, language), ct));
}

public sealed record ReturnPostRequest(string? Comment);

/// <summary>The body of a translation's save: its texts and, for a translation that exists, the version the editor started from.</summary>
public sealed record SaveTranslationRequest : TranslationInput
{
    public int? BaseVersion { get; init; }
}

/// <param name="PublishAt">With an offset or Z, for example <c>2026-12-01T08:00:00Z</c>.</param>
public sealed record SchedulePostRequest(DateTimeOffset? PublishAt);

/// <summary>The body of an update: the content, the version the editor started from, and whether the cover goes.</summary>
public sealed record UpdatePostRequest : PostInput
{
    public required int BaseVersion { get; init; }

    [DefaultValue(false)]
    public bool RemoveCoverImage { get; init; }
}
