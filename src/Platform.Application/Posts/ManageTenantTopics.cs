using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>A tenant's own topic as its TenantAdmin sees it; <paramref name="PostCount"/> counts posts in any state.</summary>
public sealed record TenantTopicItem(string Slug, string Name, DateTime CreatedAt, int PostCount);

/// <summary>The current tenant's own topics, in the order they were added.</summary>
public sealed record ListTenantTopicsQuery : IQuery<IReadOnlyList<TenantTopicItem>>;

public sealed class ListTenantTopicsHandler(IAppDbContext db) : IQueryHandler<ListTenantTopicsQuery, IReadOnlyList<TenantTopicItem>>
{
    public async ValueTask<IReadOnlyList<TenantTopicItem>> Handle(ListTenantTopicsQuery query, CancellationToken cancellationToken)
    {
        var topics = await db.TenantTopics.AsNoTracking().OrderBy(t => t.CreatedAt).ThenBy(t => t.Bit).ToListAsync(cancellationToken);
        var result = new List<TenantTopicItem>(topics.Count);
        foreach (var t in topics)
        {
            var flag = t.Flag;
            var count = await db.Posts.CountAsync(p => (p.Topics & flag) == flag, cancellationToken);
            result.Add(new TenantTopicItem(t.Slug, t.Name, t.CreatedAt, count));
        }

        return result;
    }
}

/// <summary>Adds a topic of the current tenant; the slug is its name in addresses (lowercase a-z, 0-9, '-').</summary>
public sealed record CreateTenantTopicCommand(string Slug, string Name) : ICommand<TenantTopicItem>;

public sealed class CreateTenantTopicValidator : AbstractValidator<CreateTenantTopicCommand>
{
    public CreateTenantTopicValidator()
    {
        RuleFor(c => c.Slug).Must(TenantTopic.IsValidSlug)
            .WithMessage($"Die Kurzform besteht aus Kleinbuchstaben a-z, Ziffern und Bindestrichen (höchstens {TenantTopic.MaxSlugLength} Zeichen) und darf kein festes Thema ({string.Join(", ", TopicNames.All)}) sein.");
        RuleFor(c => c.Name).NotEmpty().WithMessage("Bitte gib einen Namen für das Thema an.")
            .MaximumLength(TenantTopic.MaxNameLength).WithMessage($"Der Name hat höchstens {TenantTopic.MaxNameLength} Zeichen.");
    }
}

public sealed class CreateTenantTopicHandler(IAppDbContext db, ICurrentTenant tenant, ICurrentUser actor, TimeProvider clock)
    : ICommandHandler<CreateTenantTopicCommand, TenantTopicItem>
{
    public async ValueTask<TenantTopicItem> Handle(CreateTenantTopicCommand command, CancellationToken cancellationToken)
    {
        var existing = await db.TenantTopics.Select(t => new { t.Bit, t.Slug, t.Name }).ToListAsync(cancellationToken);
        var name = command.Name.Trim();
        if (existing.Any(t => string.Equals(t.Slug, command.Slug, StringComparison.OrdinalIgnoreCase)))
        {
            throw Invalid("Slug", "Diese Kurzform gibt es schon.");
        }

        if (existing.Any(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)) || TopicNames.TryParse(name, out _))
        {
            throw Invalid("Name", "Ein Thema mit diesem Namen gibt es schon.");
        }

        var used = existing.Select(t => t.Bit).ToHashSet();
        var bit = Enumerable.Range(TenantTopic.FirstBit, TenantTopic.LastBit - TenantTopic.FirstBit + 1).FirstOrDefault(b => !used.Contains(b));
        if (bit == 0)
        {
            throw new DomainException("topic.full", $"Es gibt schon {TenantTopic.LastBit - TenantTopic.FirstBit + 1} eigene Themen; lösche zuerst eines.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var topic = TenantTopic.Create(tenant.RequiredId, bit, command.Slug, name, now);
        db.TenantTopics.Add(topic);
        db.Record(topic.TenantId, actor, clock, "topic.created", $"{topic.Name} ({topic.Slug})");
        await db.SaveChangesAsync(cancellationToken);
        return new TenantTopicItem(topic.Slug, topic.Name, topic.CreatedAt, 0);
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}

/// <summary>Deletes a topic of the current tenant; refused (409) while any post, in any state, still carries it (ADR-017).</summary>
public sealed record DeleteTenantTopicCommand(string Slug) : ICommand;

public sealed class DeleteTenantTopicHandler(IAppDbContext db, ICurrentUser actor, TimeProvider clock) : ICommandHandler<DeleteTenantTopicCommand>
{
    public async ValueTask<Unit> Handle(DeleteTenantTopicCommand command, CancellationToken cancellationToken)
    {
        var slug = command.Slug.ToLowerInvariant();
        var topic = await db.TenantTopics.SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken)
            ?? throw new NotFoundException("Das Thema", command.Slug);
        var flag = topic.Flag;
        var used = await db.Posts.CountAsync(p => (p.Topics & flag) == flag, cancellationToken);
        if (used > 0)
        {
            throw new DomainException("topic.inUse", $"Das Thema „{topic.Name}“ steht noch an {used} Beitrag/Beiträgen. Entferne es dort zuerst.");
        }

        db.TenantTopics.Remove(topic);
        db.Record(topic.TenantId, actor, clock, "topic.deleted", $"{topic.Name} ({topic.Slug})");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
