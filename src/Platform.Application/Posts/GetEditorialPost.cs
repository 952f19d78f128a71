using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>
/// One post of the current tenant in any status, for staff: content, history and job runs, and the hints of
/// <see cref="EasyReadCheck"/> on its Leichte Sprache version (hints, never a block).
/// </summary>
public sealed record GetEditorialPostQuery(Guid PostId) : IQuery<EditorialPost>;

public sealed record EditorialPost(
    Guid Id,
    PostStatus Status,
    int ContentVersion,
    PostContent Content,
    IReadOnlyList<string> Topics,
    Guid AuthorId,
    DateTime? PublishAt,
    DateTime? PublishedAt,
    string? FailureReason,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<PostVersionSummary> Versions,
    IReadOnlyList<PostTransitionEntry> Transitions,
    IReadOnlyList<PostJobRunEntry> JobRuns,
    IReadOnlyList<EditorialTranslation>? Translations = null,
    IReadOnlyList<EasyReadHint>? EasyReadHints = null);

/// <summary>
/// A translation as its editors and reviewers see it: the newest text under work or review, and which version readers
/// see (<paramref name="LiveVersion"/>, null while none is approved).
/// </summary>
public sealed record EditorialTranslation(
    string Language,
    TranslationStatus Status,
    int ContentVersion,
    int? LiveVersion,
    TranslationText Text,
    Guid AuthorId,
    string? ReviewComment,
    DateTime UpdatedAt,
    IReadOnlyList<PostVersionSummary> Versions);

public sealed record PostVersionSummary(int Number, string AuthorName, DateTime At);

public sealed record PostTransitionEntry(PostStatus From, PostStatus To, string ByName, DateTime At, string? Comment);

public sealed record PostJobRunEntry(DateTime? ScheduledFor, DateTime RanAt, PostJobOutcome Outcome, string Message);

public sealed class GetEditorialPostHandler(IAppDbContext db, ITopicCatalog catalog) : IQueryHandler<GetEditorialPostQuery, EditorialPost>
{
    public async ValueTask<EditorialPost> Handle(GetEditorialPostQuery query, CancellationToken cancellationToken)
    {
        var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.PostId, cancellationToken)
            ?? throw new NotFoundException("Post", query.PostId);
        var versions = await db.PostVersions.AsNoTracking().Where(v => v.PostId == post.Id)
            .OrderByDescending(v => v.Number)
            .Select(v => new PostVersionSummary(v.Number, v.AuthorName, v.At))
            .ToListAsync(cancellationToken);
        var transitions = await db.PostTransitions.AsNoTracking().Where(t => t.PostId == post.Id)
            .OrderByDescending(t => t.At).ThenByDescending(t => t.Id)
            .Select(t => new PostTransitionEntry(t.From, t.To, t.ByName, t.At, t.Comment))
            .ToListAsync(cancellationToken);
        var runs = await db.PostJobRuns.AsNoTracking().Where(r => r.PostId == post.Id)
            .OrderByDescending(r => r.RanAt).ThenByDescending(r => r.Id)
            .Take(100)
            .Select(r => new PostJobRunEntry(r.ScheduledFor, r.RanAt, r.Outcome, r.Message))
            .ToListAsync(cancellationToken);
        var translations = await db.PostTranslations.AsNoTracking().Where(t => t.PostId == post.Id)
            .OrderBy(t => t.Language)
            .Select(t => new
            {
                t.Language,
                t.Status,
                t.ContentVersion,
                t.LiveVersion,
                t.Text,
                t.AuthorId,
                t.ReviewComment,
                t.UpdatedAt,
                Versions = db.PostTranslationVersions.Where(v => v.TranslationId == t.Id).OrderByDescending(v => v.Number)
                    .Select(v => new PostVersionSummary(v.Number, v.AuthorName, v.At)).ToList(),
            })
            .ToListAsync(cancellationToken);

        return new EditorialPost(
            post.Id,
            post.Status,
            post.ContentVersion,
            post.Content,
            (await catalog.ForCurrentTenantAsync(cancellationToken)).ToNames(post.Content.Topics),
            post.AuthorId,
            post.PublishAt,
            post.PublishedAt,
            post.FailureReason,
            post.CreatedAt,
            post.UpdatedAt,
            versions,
            transitions,
            runs,
            [.. translations.Select(t => new EditorialTranslation(
                t.Language, t.Status, t.ContentVersion, t.LiveVersion, t.Text, t.AuthorId, t.ReviewComment, t.UpdatedAt, t.Versions))],
            EasyReadCheck.Check(post.Content.EasyReadTitle, post.Content.EasyReadSummary, post.Content.EasyReadBodyMarkdown));
    }
}
