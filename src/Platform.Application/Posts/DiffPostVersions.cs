using System.Globalization;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>What changed between two versions of a post: a line diff of each field that differs.</summary>
public sealed record DiffPostVersionsQuery(Guid PostId, int From, int To) : IQuery<PostVersionDiff>;

public sealed record PostVersionDiff(int From, int To, IReadOnlyList<FieldDiff> Fields);

/// <summary>One changed field; each line is unchanged, inserted or deleted.</summary>
public sealed record FieldDiff(string Field, IReadOnlyList<DiffLine> Lines);

public sealed record DiffLine(DiffLineKind Kind, string Text);

public enum DiffLineKind
{
    Unchanged = 0,
    Inserted = 1,
    Deleted = 2,
}

public sealed class DiffPostVersionsHandler(IAppDbContext db) : IQueryHandler<DiffPostVersionsQuery, PostVersionDiff>
{
    public async ValueTask<PostVersionDiff> Handle(DiffPostVersionsQuery query, CancellationToken cancellationToken)
    {
        var snapshots = await db.PostVersions.AsNoTracking()
            .Where(v => v.PostId == query.PostId && (v.Number == query.From || v.Number == query.To))
            .ToDictionaryAsync(v => v.Number, v => v.Snapshot, cancellationToken);
        if (!snapshots.TryGetValue(query.From, out var from))
        {
            throw new NotFoundException("Version", query.From);
        }

        if (!snapshots.TryGetValue(query.To, out var to))
        {
            throw new NotFoundException("Version", query.To);
        }

        return new PostVersionDiff(query.From, query.To, Diff(PostContent.FromSnapshot(from), PostContent.FromSnapshot(to)));
    }

    public static IReadOnlyList<FieldDiff> Diff(PostContent a, PostContent b)
    {
        var fields = new List<FieldDiff>();
        foreach (var (name, left, right) in Fields(a).Zip(Fields(b), (x, y) => (x.Name, x.Value, y.Value)))
        {
            if (Lines(name, left, right) is { } diff)
            {
                fields.Add(diff);
            }
        }

        return fields;
    }

    /// <summary>The line diff of one field, or null when it did not change.</summary>
    public static FieldDiff? Lines(string name, string left, string right) =>
        left == right
            ? null
            : new FieldDiff(name, [.. InlineDiffBuilder.Diff(left, right, ignoreWhiteSpace: false).Lines.Select(l => new DiffLine(Kind(l.Type), l.Text))]);

    private static DiffLineKind Kind(ChangeType type) => type switch
    {
        ChangeType.Inserted => DiffLineKind.Inserted,
        ChangeType.Deleted => DiffLineKind.Deleted,
        _ => DiffLineKind.Unchanged,
    };

    private static IEnumerable<(string Name, string Value)> Fields(PostContent c)
    {
        yield return (nameof(c.Title), c.Title);
        yield return (nameof(c.Summary), c.Summary);
        yield return (nameof(c.BodyMarkdown), c.BodyMarkdown);
        yield return (nameof(c.Topics), string.Join(", ", TopicNames.ToNames(c.Topics)));
        yield return (nameof(c.Language), c.Language);
        yield return (nameof(c.EasyTitle), c.EasyTitle ?? "");
        yield return (nameof(c.EasySummary), c.EasySummary ?? "");
        yield return (nameof(c.EasyBodyMarkdown), c.EasyBodyMarkdown ?? "");
        yield return (nameof(c.EasyReadTitle), c.EasyReadTitle ?? "");
        yield return (nameof(c.EasyReadSummary), c.EasyReadSummary ?? "");
        yield return (nameof(c.EasyReadBodyMarkdown), c.EasyReadBodyMarkdown ?? "");
        yield return (nameof(c.CallToActionLabel), c.CallToActionLabel ?? "");
        yield return (nameof(c.CallToActionUrl), c.CallToActionUrl ?? "");
        yield return (nameof(c.HasCoverImage), c.HasCoverImage ? "ja" : "nein");
        yield return (nameof(c.CoverImageAlt), c.CoverImageAlt ?? "");
        yield return (nameof(c.ExpiresAt), Instant(c.ExpiresAt));
        yield return (nameof(c.EventStartsAt), Instant(c.EventStartsAt));
        yield return (nameof(c.EventEndsAt), Instant(c.EventEndsAt));
        yield return (nameof(c.EventPlace), c.EventPlace ?? "");
        yield return (nameof(c.EventOnlineUrl), c.EventOnlineUrl ?? "");
        yield return (nameof(c.EventCapacity), c.EventCapacity?.ToString(CultureInfo.InvariantCulture) ?? "");
    }

    private static string Instant(DateTime? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
