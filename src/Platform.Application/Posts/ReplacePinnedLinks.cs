using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>
/// Replaces the pinned links of the jobcenter's link page as a whole (at most <see cref="PinnedLink.MaxCount"/>, in
/// this order). A post or event must be one of the jobcenter's own; it shows on the page while it is published.
/// </summary>
public sealed record ReplacePinnedLinksCommand(IReadOnlyList<PinnedLinkItem> Items) : ICommand;

public sealed class ReplacePinnedLinksValidator : AbstractValidator<ReplacePinnedLinksCommand>
{
    public ReplacePinnedLinksValidator()
    {
        RuleFor(c => c.Items).NotNull()
            .Must(items => items is null || items.Count <= PinnedLink.MaxCount)
            .WithMessage(_ => ValidationMessages.Format("PinnedLinks.TooMany", PinnedLink.MaxCount));
        RuleForEach(c => c.Items).NotNull().ChildRules(item =>
        {
            item.RuleFor(i => i.Kind).IsInEnum().WithMessage(_ => ValidationMessages.Get("PinnedLinks.UnknownKind"));
            item.RuleFor(i => i.Label).NotEmpty().WithMessage(_ => ValidationMessages.Get("PinnedLinks.LabelMissing"))
                .MaximumLength(PinnedLink.MaxLabelLength).WithMessage(_ => ValidationMessages.Format("PinnedLinks.LabelTooLong", PinnedLink.MaxLabelLength));
            item.RuleFor(i => i.PostId).NotNull().When(i => i.Kind is PinnedLinkKind.Post or PinnedLinkKind.Event)
                .WithMessage(_ => ValidationMessages.Get("PinnedLinks.PostMissing"));
            item.RuleFor(i => i.PostId).Null().When(i => i.Kind is PinnedLinkKind.Contact or PinnedLinkKind.External)
                .WithMessage(_ => ValidationMessages.Get("PinnedLinks.PostNotExpected"));
            item.RuleFor(i => i.Url).Must(BeHttpsUrl).When(i => i.Kind == PinnedLinkKind.External)
                .WithMessage(_ => ValidationMessages.Get("PinnedLinks.UrlNotHttps"));
            item.RuleFor(i => i.Url).Empty().When(i => i.Kind != PinnedLinkKind.External)
                .WithMessage(_ => ValidationMessages.Get("PinnedLinks.UrlNotExpected"));
        });
    }

    /// <summary>An absolute <c>https://</c> address without user name, short enough to store.</summary>
    public static bool BeHttpsUrl(string? url) =>
        url is { Length: > 0 and <= PinnedLink.MaxUrlLength }
        && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps && uri.UserInfo.Length == 0 && uri.HostNameType == UriHostNameType.Dns;
}

public sealed class ReplacePinnedLinksHandler(IAppDbContext db, ICurrentTenant current, ICurrentUser actor, TimeProvider clock)
    : ICommandHandler<ReplacePinnedLinksCommand>
{
    public async ValueTask<Unit> Handle(ReplacePinnedLinksCommand command, CancellationToken cancellationToken)
    {
        var tenantId = current.RequiredId;

        // Tenant-filtered: another jobcenter's post is as unknown as one that never existed.
        var ids = command.Items.Where(i => i.PostId is not null).Select(i => i.PostId!.Value).Distinct().ToList();
        var posts = await db.Posts.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, IsEvent = p.Content.EventStartsAt != null })
            .ToDictionaryAsync(p => p.Id, p => p.IsEvent, cancellationToken);
        var failures = new List<ValidationFailure>();
        for (var i = 0; i < command.Items.Count; i++)
        {
            var item = command.Items[i];
            if (item.PostId is not { } postId)
            {
                continue;
            }

            if (!posts.TryGetValue(postId, out var isEvent))
            {
                failures.Add(new ValidationFailure($"Items[{i}].PostId", ValidationMessages.Get("PinnedLinks.PostUnknown")));
            }
            else if (item.Kind == PinnedLinkKind.Event && !isEvent)
            {
                failures.Add(new ValidationFailure($"Items[{i}].PostId", ValidationMessages.Get("PinnedLinks.NotAnEvent")));
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        // One save: the old list goes and the new one comes in the same transaction.
        db.PinnedLinks.RemoveRange(await db.PinnedLinks.ToListAsync(cancellationToken));
        for (var i = 0; i < command.Items.Count; i++)
        {
            var item = command.Items[i];
            db.PinnedLinks.Add(PinnedLink.Create(tenantId, i, item.Kind, item.PostId, item.Kind == PinnedLinkKind.External ? item.Url : null, item.Label));
        }

        db.Record(tenantId, actor, clock, "links.changed", $"Link-Seite: {command.Items.Count} angeheftete Links");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
